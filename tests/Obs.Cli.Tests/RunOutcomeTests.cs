using System.Text.Json;
using Obs.Testing.Otlp;

namespace Obs.Cli.Tests;

/// <summary>A failed run looks failed: on the verb span, in the summary and in <c>obs status</c>.</summary>
public sealed class RunOutcomeTests : IDisposable
{
    private const int OtlpStatusError = 2;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-outcome-cli-").FullName;

    [Fact]
    public async Task Build_StepFails_VerbSpanIsAnError_SummaryIsRedacted_StatusSaysFailed()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        Write("build.yaml", """
            steps:
              - name: flaky
                type: command
                command: "exit 1"
                continue_on_error: true
              - name: deploy
                type: command
                command: "echo 'using token=abc123secret'; exit 3"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "build", "--no-progress"], workingDirectory: _directory);
        var status = await ObsProcess.RunAsync(["status"], workingDirectory: _directory);
        var json = await ObsProcess.RunAsync(["status", "--format", "json"], workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("build: FAILED", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("⚠ flaky: failed, continued (exit code 1)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("✗ deploy: Failed (exit code 3)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("using token=", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123secret", outcome.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n", outcome.Stdout, StringComparison.Ordinal);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "obs build") && s.Any(x => x.Name == "build.execute"), TimeSpan.FromSeconds(15));
        var verb = Assert.Single(spans, s => s.Name == "obs build");
        Assert.Equal(OtlpStatusError, verb.StatusCode);
        Assert.Equal("build_failed", verb.Attributes["error.type"]);
        var build = Assert.Single(spans, s => s.Name == "build.execute");
        Assert.Equal(OtlpStatusError, build.StatusCode);
        Assert.False(string.IsNullOrEmpty(build.Attributes["cicd.pipeline.run.id"]?.ToString()));
        Assert.Matches(@"\s+Build\s+Completed\s+failed\s+", status.Stdout);
        using var listed = JsonDocument.Parse(json.Stdout);
        var instance = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
        Assert.Equal("failed", instance.GetProperty("outcome").GetString());
        Assert.Equal("build_failed", instance.GetProperty("error_type").GetString());
    }

    [Fact]
    public async Task Benchmark_EveryIterationFails_HeadlineSaysFailed_VerbAndPerformanceTestSpansAreErrors()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "benchmark", "--iterations", "1", "--warmup", "0", "--", "sh", "-c", "exit 1"],
            workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("benchmark sh -c exit 1: failed — ", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Completed", outcome.Stdout, StringComparison.Ordinal);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "obs benchmark") && s.Any(x => x.Name == "benchmark.performance_test"), TimeSpan.FromSeconds(15));
        foreach (var name in new[] { "obs benchmark", "benchmark.performance_test" })
        {
            var span = Assert.Single(spans, s => s.Name == name);
            Assert.Equal(OtlpStatusError, span.StatusCode);
            Assert.Equal("iteration_failed", span.Attributes["error.type"]);
        }
    }

    [Fact]
    public async Task Benchmark_OneIterationSucceeds_SaysOneIterationAndNoErrorsInTheSingular()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "benchmark", "--iterations", "1", "--warmup", "0", "--", "true"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("1 iteration (0 warm-up), 0 errors", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_NeverReady_HeadlineSaysFailed_VerbSpanIsAnError_TraceLinkPrinted()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var config = ObsProcess.WriteConfig("""
            tracing:
              trace_url_template: "http://traces.example/trace/{traceId}"
            """);

        var outcome = await ObsProcess.RunAsync(
            ["--config", config, "--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "startup", "--target", "echo dying; exit 3", "--ready-log", "listen", "--timeout", "10"],
            workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("echo dying; exit 3: failed — ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("http://traces.example/trace/", outcome.Stdout, StringComparison.Ordinal);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "obs startup"), TimeSpan.FromSeconds(15));
        var verb = Assert.Single(spans, s => s.Name == "obs startup");
        Assert.Equal(OtlpStatusError, verb.StatusCode);
        Assert.Equal("not_ready", verb.Attributes["error.type"]);
    }

    [Fact]
    public async Task Benchmark_WithTraceUrlTemplate_PrintsTheTraceLink()
    {
        var config = ObsProcess.WriteConfig("""
            tracing:
              exporters: []
              trace_url_template: "http://traces.example/trace/{traceId}"
            """);

        var outcome = await ObsProcess.RunAsync(["--config", config, "benchmark", "--iterations", "1", "--warmup", "0", "--", "true"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"http://traces\.example/trace/[0-9a-f]{32}\n", outcome.Stdout);
    }

    [Fact]
    public async Task Build_ConsoleExporter_OneLinePerSpanAndTheResourceOnce()
    {
        Write("build.yaml", """
            name: quiet
            steps:
              - {name: one, type: command, command: "true"}
              - {name: two, type: command, command: "true"}
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "console", "build", "--no-progress"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines, l => l.Contains("service.name=", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(" build.step.one ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(" obs build ", StringComparison.Ordinal));
        Assert.InRange(lines.Length, 5, 40);
        Assert.Contains("*", File.ReadAllLines(Path.Combine(_directory, ".obs", ".gitignore")));
    }

    [Fact]
    public async Task Startup_KeepRunning_LeavesAServerThatAnswersAfterObsHasExited()
    {
        var port = Obs.Testing.LoopbackPorts.GetUnusedPort();
        var url = $"http://127.0.0.1:{port}/";

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "none", "startup", "--target", $"python3 -m http.server {port} --bind 127.0.0.1", "--ready-url", url, "--keep-running", "--timeout", "20", "--format", "json"],
            workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var pid = json.RootElement.GetProperty("pid").GetInt32();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            for (var i = 0; i < 2; i++)
            {
                using var response = await http.GetAsync(new Uri(url));
                Assert.True(response.IsSuccessStatusCode, $"GET {i + 1}: {(int)response.StatusCode}");
            }

            var log = Assert.Single(Directory.GetFiles(Path.Combine(_directory, ".obs"), "startup-*.log"));
            Assert.Contains("\"GET / HTTP/1.1\" 200", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        }
        finally
        {
            using var server = System.Diagnostics.Process.GetProcessById(pid);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
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
