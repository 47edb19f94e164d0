using System.Text;
using System.Text.Json;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Runs a .NET test project on Microsoft.Testing.Platform (xunit v3, the MSTest runner, TUnit) the way the platform
/// is meant to be run without <c>dotnet test</c>: such a project is an executable that runs its own tests. Since
/// .NET 10, <c>dotnet test</c> runs these only when the repository's <c>global.json</c> switches the whole repository
/// to the platform (<c>"test": {"runner": "Microsoft.Testing.Platform"}</c>), and then refuses VSTest projects; so Obs
/// builds the project, asks the built application which report options it has (<c>--help</c>), and runs it with the
/// ones that write TRX, which <see cref="TrxReportParser"/> reads as it reads VSTest's. A VSTest project (and an
/// xunit v3 3.x project that still has VSTest's SDK and adapter) keeps the plain <c>dotnet test</c> command.
/// </summary>
public static class TestingPlatformRunner
{
    private static readonly TimeSpan s_helpTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether <paramref name="request"/>'s targets may be platform projects: dotnet, without a command of the user's own.</summary>
    public static bool Applies(TestRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Framework == TestFramework.Dotnet && request.Command is not { Count: > 0 };
    }

    /// <summary>
    /// The command that runs <paramref name="target"/>: <paramref name="vstest"/> (the <c>dotnet test</c> command of
    /// <see cref="TestCommandResolver"/>) for a VSTest project, else the built test application with TRX options. A
    /// step that failed on the way (the build, or an application without a TRX option) is returned to be reported as
    /// the target's process: it left no report.
    /// </summary>
    /// <param name="vstest">The <c>dotnet test</c> command for the target, with working directory, environment and timeout.</param>
    /// <param name="request">The run's request.</param>
    /// <param name="target">The project, relative to the request's path.</param>
    /// <param name="reportDirectory">The scratch directory the reports go to.</param>
    /// <param name="onOutput">Receives the build's output lines.</param>
    /// <param name="cancellationToken">Stops the build and the probes.</param>
    public static async Task<TestingPlatformLaunch> PrepareAsync(
        TestTargetCommand vstest,
        TestRunRequest request,
        string target,
        string reportDirectory,
        Action<ProcessOutputLine>? onOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vstest);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(target);
        var project = Path.GetFullPath(Path.Combine(request.Path, target));
        var environment = vstest.Process.Environment;
        var declared = await DotnetTestProjectProbe.EvaluateAsync(project, cancellationToken, environment).ConfigureAwait(false);
        if (!declared.UsesTestingPlatform)
        {
            return new TestingPlatformLaunch(vstest);
        }

        var buildStep = vstest with { Process = vstest.Process with { FileName = "dotnet", Arguments = ["build", project, "-nologo"] } };
        var build = await ChildProcessRunner.RunAsync(buildStep.Process with { OnOutput = onOutput }, cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            return new TestingPlatformLaunch(buildStep, build);
        }

        // After restore the framework's own build files have spoken: IsTestingPlatformApplication, the app to start.
        var built = await DotnetTestProjectProbe.EvaluateAsync(project, cancellationToken, environment).ConfigureAwait(false);
        if (built.ReferencesTestSdk && PlatformMajorVersion(built.ProjectAssetsFile) < 2)
        {
            // Platform 1.x still runs under VSTest's dotnet test (xunit v3 3.x with xunit.runner.visualstudio): keep it,
            // with coverlet's collector; it is built already.
            return new TestingPlatformLaunch(vstest with { Process = vstest.Process with { Arguments = [.. vstest.Process.Arguments, "--no-build"] } });
        }

        if (built.TargetFrameworks.Count > 1)
        {
            return Refused(buildStep, $"{target} targets several frameworks ({string.Join(", ", built.TargetFrameworks)}); obs runs a Microsoft.Testing.Platform project for one framework only");
        }

        if (Application(built) is not { } application)
        {
            return Refused(buildStep, $"{target}: MSBuild names no built test application (RunCommand and TargetPath are empty)");
        }

        var workingDirectory = built.RunWorkingDirectory ?? Path.GetDirectoryName(built.TargetPath) ?? vstest.Process.WorkingDirectory;
        var app = vstest.Process with { FileName = application[0], Arguments = [.. application.Skip(1)], WorkingDirectory = workingDirectory };
        var help = await HelpAsync(app with { Timeout = s_helpTimeout }, cancellationToken).ConfigureAwait(false);
        var appStep = vstest with { Process = app };
        if (help.Process.StartError is not null || help.Process.TimedOut || help.Process.Cancelled)
        {
            return new TestingPlatformLaunch(appStep, help.Process);
        }

        var options = TestApplicationOptions.FromHelp(help.Text);
        if (options.Arguments(reportDirectory, request.Coverage, request.Verbose) is not { } arguments)
        {
            return Refused(appStep, $"{target} is a test application without a TRX report option (its --help lists neither --report-trx nor xunit's): reference Microsoft.Testing.Extensions.TrxReport", help.Process.StdoutTail);
        }

        return new TestingPlatformLaunch(new TestTargetCommand(
            app with { Arguments = [.. app.Arguments, .. arguments] },
            Path.Combine(reportDirectory, TestApplicationOptions.ReportFileName),
            TrxReportParser.Format,
            request.Coverage ? reportDirectory : null,
            vstest.Environment));
    }

    /// <summary>
    /// The major version of <c>Microsoft.Testing.Platform.MSBuild</c> that restore resolved (0 when there is none):
    /// from 2.x on, its build files refuse VSTest's <c>dotnet test</c> on .NET 10.
    /// </summary>
    public static int PlatformMajorVersion(string? assetsFile)
    {
        if (string.IsNullOrEmpty(assetsFile) || !File.Exists(assetsFile))
        {
            return 0;
        }

        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }

            const string prefix = "Microsoft.Testing.Platform.MSBuild/";
            return libraries.EnumerateObject()
                .Where(l => l.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Name[prefix.Length..].Split('.')[0])
                .Select(major => int.TryParse(major, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0)
                .DefaultIfEmpty(0)
                .Max();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// What <c>dotnet run</c> would start: the app host (<c>RunCommand</c>, with <c>RunArguments</c> split as a
    /// command line), else <c>dotnet exec</c> on the built assembly.
    /// </summary>
    public static IReadOnlyList<string>? Application(DotnetProjectEvaluation built)
    {
        ArgumentNullException.ThrowIfNull(built);
        if (built.RunCommand is { } command)
        {
            return [command, .. SplitCommandLine(built.RunArguments)];
        }

        return built.TargetPath is { } assembly ? ["dotnet", "exec", assembly] : null;
    }

    /// <summary>Splits MSBuild's <c>RunArguments</c> on spaces outside double quotes, dropping the quotes.</summary>
    public static IReadOnlyList<string> SplitCommandLine(string? commandLine)
    {
        var arguments = new List<string>();
        if (string.IsNullOrWhiteSpace(commandLine))
        {
            return arguments;
        }

        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }

    private static async Task<(ProcessResult Process, string Text)> HelpAsync(ProcessSpec app, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var process = await ChildProcessRunner.RunAsync(
            app with
            {
                Arguments = [.. app.Arguments, "--help"],
                OnOutput = line =>
                {
                    if (line.Stream == ProcessStream.StandardOutput)
                    {
                        lock (lines)
                        {
                            lines.Add(line.Text);
                        }
                    }
                },
            },
            cancellationToken).ConfigureAwait(false);
        return (process, string.Join('\n', lines));
    }

    /// <summary>A step that never ran the tests, as a process that could not start, so the target reports why.</summary>
    private static TestingPlatformLaunch Refused(TestTargetCommand step, string why, IReadOnlyList<string>? tail = null) =>
        new(step, new ProcessResult(ProcessExitCodes.CannotExecute, null, DateTimeOffset.UtcNow, TimeSpan.Zero, false, false, why, tail ?? [], []));
}
