using System.CommandLine;

namespace Obs.Cli.Tests;

/// <summary>
/// Every verb is strict: an unknown verb or option is named (with the one probably meant), the command
/// to run comes only after <c>--</c>, and a bad value is said in the user's words. One line on stderr,
/// exit 2, nothing runs.
/// </summary>
public sealed class StrictCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-strict-cli-").FullName;

    public static TheoryData<string> Verbs() => [.. Tree().Subcommands.Select(c => c.Name)];

    /// <summary>Every option of every verb whose value is not plain text (numbers, choices).</summary>
    public static TheoryData<string, string> ValueOptions()
    {
        var rows = new TheoryData<string, string>();
        foreach (var verb in Tree().Subcommands)
        {
            foreach (var option in verb.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(bool) && o.ValueType != typeof(string[])))
            {
                rows.Add(verb.Name, option.Name);
            }
        }

        return rows;
    }

    [Fact]
    public async Task Test_MisspeltFramework_Exits2NamingTheOptionAndRunsNothing()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "test", "--framwork", "dotnet"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
            "obs: error: unknown option '--framwork' for obs test — did you mean --framework? (see 'obs test --help')",
            outcome.Stderr.TrimEnd('\n'));
        Assert.Empty(outcome.Stdout);
        Assert.False(Directory.Exists(Path.Combine(_directory, ".obs")), "an engine was started");
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task EveryVerb_UnknownOption_Exits2WithOneLineNamingIt(string verb)
    {
        var outcome = await InProcessObs.RunAsync(verb, "--no-such-option");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"obs: error: unknown option '--no-such-option' for obs {verb}", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "--nme", "x", "--", "true" }, "unknown option '--nme' for obs run — did you mean --name?")]
    [InlineData(new[] { "build", "--no-progres" }, "unknown option '--no-progres' for obs build — did you mean --no-progress?")]
    [InlineData(new[] { "benchmark", "--iteration", "5" }, "unknown option '--iteration' for obs benchmark — did you mean --iterations?")]
    [InlineData(new[] { "status", "--fromat=json" }, "unknown option '--fromat' for obs status — did you mean --format?")]
    [InlineData(new[] { "--exportr", "none", "run", "--", "true" }, "unknown option '--exportr' for obs run — did you mean --exporter?")]
    [InlineData(new[] { "startup", "--ready-uri", "http://127.0.0.1:1/" }, "unknown option '--ready-uri' for obs startup — did you mean --ready-url?")]
    public async Task MisspeltOption_SuggestsTheOptionMeant(string[] args, string expected)
    {
        var outcome = await InProcessObs.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "echo")]
    [InlineData("test", "pytest")]
    [InlineData("benchmark", "sleep")]
    public async Task CommandBeforeTheDoubleDash_Exits2SayingWhereItGoes(string verb, string program)
    {
        var outcome = await InProcessObs.RunAsync(verb, program, "1");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"unexpected argument '{program}': the command goes after --, as in 'obs {verb} [options] -- {program} …'", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OptionsOfTheCommandAfterTheDoubleDash_AreItsOwn()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "sh", "-c", "echo \"$0\"", "--nme"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("--nme\n", outcome.Stdout);
    }

    [Theory]
    [InlineData("buidl", "unknown command 'buidl' — did you mean build?")]
    [InlineData("stauts", "unknown command 'stauts' — did you mean status?")]
    [InlineData("frobnicate", "unknown command 'frobnicate'; use one of: run, build, test, benchmark, startup, status, resume, replay, serve")]
    public async Task UnknownVerb_IsNamed(string verb, string expected)
    {
        var outcome = await InProcessObs.RunAsync(verb);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"obs: error: {expected} (see 'obs --help')", outcome.Stderr.TrimEnd('\n'));
    }

    [Theory]
    [MemberData(nameof(ValueOptions))]
    public async Task EveryValueOption_BadValue_IsSaidInTheUsersWords(string verb, string option)
    {
        // startup's probe options need a program to probe.
        var outcome = await InProcessObs.RunAsync(verb == "startup" ? [verb, "--target", "true", option, "zz"] : [verb, option, "zz"]);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains($"{option} expects ", line, StringComparison.Ordinal);
        Assert.Contains(", got 'zz'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("expected type", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueOptions_CoverTheNumbersAndChoicesOfEveryVerb()
    {
        var found = ValueOptions().Select(row => $"{row[0]} {row[1]}").ToList();

        foreach (var expected in new[] { "benchmark --iterations", "benchmark --warmup", "test --case-spans", "startup --timeout", "startup --ready-port", "serve --max-activities", "resume --format" })
        {
            Assert.Contains(expected, found);
        }
    }

    [Theory]
    [InlineData(new[] { "benchmark", "--iterations", "abc" }, "--iterations expects a whole number, got 'abc'")]
    [InlineData(new[] { "test", "--case-spans", "bad" }, "--case-spans expects all, failed or none, got 'bad'")]
    [InlineData(new[] { "build", "--format", "xml" }, "--format expects text or json, got 'xml'")]
    [InlineData(new[] { "startup", "--target", "true", "--timeout", "soon" }, "--timeout expects a number of seconds, got 'soon'")]
    [InlineData(new[] { "benchmark", "--iterations" }, "--iterations expects a value")]
    [InlineData(new[] { "run", "--attr" }, "--attr expects a value")]
    [InlineData(new[] { "run" }, "obs run needs a command after --, as in 'obs run [options] -- make -j8'")]
    [InlineData(new[] { "resume" }, "obs resume needs <id>")]
    [InlineData(new[] { "status", "a", "b" }, "unexpected argument 'b': obs status takes no more arguments")]
    [InlineData(new[] { "build", "--", "make" }, "unexpected argument 'make': obs build takes no arguments")]
    public async Task BadValueOrMissingArgument_ExactWords(string[] args, string expected)
    {
        var outcome = await InProcessObs.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"obs: error: {expected} (see 'obs {args[0]} --help')", outcome.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task Choices_AreCaseInsensitiveAndListedInLowerCaseInTheHelp()
    {
        var help = await InProcessObs.RunAsync("test", "--help");
        var parse = Tree().Parse(["test", "--case-spans", "FAILED", "--format", "Json"]);

        Assert.Contains("--case-spans <all|failed|none>", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: All]", help.Stdout, StringComparison.Ordinal);
        Assert.Null(UsageProblems.Find(parse));
    }

    [Theory]
    [InlineData("--ready-url", "http://127.0.0.1:1/")]
    [InlineData("--ready-log", "ready")]
    [InlineData("--ready-port", "8000")]
    [InlineData("--timeout", "5")]
    [InlineData("--keep-running", null)]
    public async Task Startup_ProbeOptionWithoutTarget_Exits2(string option, string? value)
    {
        var outcome = await InProcessObs.RunAsync(value is null ? ["startup", option] : ["startup", option, value]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{option} needs --target, the program to start", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_TakesTheDisplayFlagsOfBuild()
    {
        var tree = Tree();
        var build = tree.Subcommands.Single(c => c.Name == "build");
        var resume = tree.Subcommands.Single(c => c.Name == "resume");

        foreach (var flag in new[] { "--no-progress", "--format" })
        {
            Assert.Equal(build.Options.Single(o => o.Name == flag).Description, resume.Options.Single(o => o.Name == flag).Description);
        }

        Assert.Null(UsageProblems.Find(tree.Parse(["resume", "some-id", "--no-progress", "--format", "json"])));
    }

    [Fact]
    public async Task Resume_WithBuildsDisplayFlags_RunsAndReportsTheUnknownInstance()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "resume", "no-such-instance", "--no-progress", "--format", "text"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no instance 'no-such-instance' in the state database", outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--", "sh", "-c", "echo --name", "-x")]
    [InlineData("benchmark", "--warmup", "-1", "--iterations", "1", "--", "true")]
    [InlineData("run", "--attr", "-k=v", "--", "-")]
    [InlineData("build", "-f", "b.yaml", "--format=json")]
    public void WellFormedLines_HaveNoUsageProblem(params string[] args)
    {
        Assert.Null(UsageProblems.Find(Tree().Parse(args)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static RootCommand Tree() => ObsCommandLine.Build(InProcessObs.NewConsole(out _, out _));
}
