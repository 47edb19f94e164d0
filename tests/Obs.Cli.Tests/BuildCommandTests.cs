using System.Text.Json;
using Obs.Testing.Otlp;

namespace Obs.Cli.Tests;

/// <summary><c>obs build</c> as a real process on real build definitions.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-build-cli-").FullName;

    [Fact]
    public async Task Build_AllStepsSucceed_Exits0WithWaterfallSummary()
    {
        Write("build.yaml", """
            name: demo
            steps:
              - name: first
                type: command
                command: "echo one > out.txt"
              - name: second
                type: command
                command: "cat out.txt && echo two >> out.txt"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("build demo: succeeded", outcome.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"first\s+\|", outcome.Stdout);
        Assert.Matches(@"second\s+\|", outcome.Stdout);
        Assert.Equal("one\ntwo\n", await File.ReadAllTextAsync(Path.Combine(_directory, "out.txt")));
        Assert.Contains("second | one", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_StepFails_Exits1SkipsDependentsAndShowsTheOutputTail()
    {
        Write("build.yaml", """
            name: broken
            steps:
              - name: compile
                type: command
                command: "echo 'error CS1002: ; expected' >&2; exit 3"
              - name: test
                type: command
                command: "echo should-not-run"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build", "--no-progress"], workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("FAILED", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("test: skipped", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("error CS1002", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-run", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FormatJson_PrintsTheResultAsJsonOnStdout()
    {
        Write("pipeline.json", """
            {"name": "json-demo", "steps": [
              {"name": "ok", "type": "command", "command": "true"},
              {"name": "bad", "type": "command", "command": "exit 4", "depends_on": ["ok"]}]}
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build", "--file", "pipeline.json", "--format", "json"], workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s);
        Assert.Equal("succeeded", steps["ok"].GetProperty("status").GetString());
        Assert.Equal("failed", steps["bad"].GetProperty("status").GetString());
        Assert.Equal(4, steps["bad"].GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Build_InvalidDefinition_Exits2ListingEveryProblem()
    {
        Write("build.yaml", """
            steps:
              - name: a
                type: command
                command: "true"
                depends_on: [b]
              - name: b
                type: command
                command: "true"
                depends_on: [a]
              - name: c
                type: rocket
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("cycle", outcome.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rocket", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MisspeltKeyAndWrongType_Exits2ListingEachWithItsPathBesideTheOthers_NothingRuns()
    {
        Write("build.yaml", """
            steps:
              - name: slow
                type: command
                command: "touch ran.txt"
                timout: 5
              - name: b
                type: command
                command: "true"
                timeout: soon
                depends_on: [ghost]
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        var file = Path.Combine(_directory, "build.yaml");
        Assert.Equal(
            [
                $"obs: error: {file}: steps[0].timout: unknown key; did you mean 'timeout'?",
                $"obs: error: {file}: steps[1].timeout: expected a number of seconds, got 'soon'.",
                $"obs: error: {file}: steps[1].depends_on: Step 'b' depends on 'ghost', which is not a step.",
            ],
            outcome.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_directory, "ran.txt")));
    }

    [Fact]
    public async Task Build_JsonDefinitionWithUnknownKey_Exits2()
    {
        Write("build.json", """{"steps": [{"name": "a", "type": "command", "command": "true"}], "artifact": ["dist/*"]}""");

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build", "--file", "build.json"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("artifact: unknown key; did you mean 'artifacts'?", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ConfigFileBuildSectionWithMisspeltKey_Exits2NamingTheSection()
    {
        Write("obs.yaml", """
            build:
              steps:
                - {name: a, type: command, command: "true", continue_on_eror: true}
            """);

        var outcome = await ObsProcess.RunAsync(["--config", "obs.yaml", "--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("build: section of the config file: steps[0].continue_on_eror: unknown key; did you mean 'continue_on_error'?", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MissingDefinition_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("build.yaml", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ExportsOneTree_VerbSpanThenStartupAndBuildExecuteThenSteps()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        Write("build.yaml", """
            name: traced
            steps:
              - name: hello
                type: command
                command: "echo $TRACEPARENT"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "build", "--format", "json"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "obs build") && s.Any(x => x.Name == "build.execute") && s.Any(x => x.Name == "startup.initialize"), TimeSpan.FromSeconds(15));
        var verb = Assert.Single(spans, s => s.Name == "obs build");
        var build = Assert.Single(spans, s => s.Name == "build.execute");
        var step = Assert.Single(spans, s => s.Name == "build.step.hello");
        var startup = Assert.Single(spans, s => s.Name == "startup.initialize");
        Assert.All(spans, s => Assert.Equal(verb.TraceId, s.TraceId));
        Assert.Equal(verb.SpanId, build.ParentSpanId);
        Assert.Equal(verb.SpanId, startup.ParentSpanId);
        Assert.Equal(build.SpanId, step.ParentSpanId);
        Assert.Equal(4, spans.Count(s => s.ParentSpanId == startup.SpanId));
        Assert.Equal(true, build.Attributes["build.success"]);
    }

    [Fact]
    public async Task Build_FailingStepOutputWithSecrets_TailOnTheSpanIsRedacted()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        Write("build.yaml", """
            name: leaky
            steps:
              - name: deploy
                type: command
                command: "echo 'connecting with password=hunter2xyz' >&2; echo 'Authorization: Bearer abc.def.ghi'; exit 1"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "build", "--no-progress"], workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "build.step.deploy"), TimeSpan.FromSeconds(15));
        var step = Assert.Single(spans, s => s.Name == "build.step.deploy");
        var tails = step.Events.SelectMany(e => e.Attributes.Values).Select(v => v is object?[] array ? string.Join('\n', array) : v?.ToString()).ToList();
        Assert.Contains(tails, t => t is not null && t.Contains("connecting with password=", StringComparison.Ordinal));
        Assert.DoesNotContain(tails, t => t is not null && (t.Contains("hunter2xyz", StringComparison.Ordinal) || t.Contains("abc.def.ghi", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Build_OnATerminal_ShowsALiveStatusLineInsteadOfStreamedOutput()
    {
        Write("build.yaml", """
            name: tty
            steps:
              - name: first
                type: command
                command: "sleep 0.3; echo streamed-line"
              - name: second
                type: command
                command: "sleep 0.3"
            """);

        // script(1) gives obs a pseudo-terminal, as an interactive shell would.
        var outcome = await ObsProcess.RunUnderTerminalAsync(["--exporter", "none", "build"], _directory);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("steps done", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("build tty: succeeded", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("first | streamed-line", outcome.Stdout, StringComparison.Ordinal);
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

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory, name), content);
}
