using System.Globalization;
using System.Text.RegularExpressions;
using Obs.Testing;
using Obs.Testing.Otlp;

namespace Obs.Cli.Tests;

/// <summary>A dead collector is never silent: at exit every verb says on stderr how many spans were exported and how many failed.</summary>
public sealed partial class ExportLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-export-line-").FullName;

    [Fact]
    public async Task Run_DeadCollector_ExitCodeUnchanged_LineCountsTheSpooledSpans_VerboseNamesTheError()
    {
        var dead = LoopbackPorts.GetUnusedEndpoint().ToString();

        var quiet = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", dead, "run", "--", "sh", "-c", "exit 3"], workingDirectory: _directory);
        var verbose = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", dead, "-v", "run", "--", "sh", "-c", "exit 3"], workingDirectory: _directory);

        Assert.Equal(3, quiet.ExitCode);
        Assert.Equal(3, verbose.ExitCode);
        var line = Assert.Single(Lines(quiet.Stderr), l => l.Contains("spans exported", StringComparison.Ordinal));
        Assert.Matches(@"^obs: warning: 0 spans exported, [1-9]\d* spooled, 0 failed \(otlp http://127\.0\.0\.1:\d+\); `obs replay` sends the spool \(-v shows the error\)$", line);
        Assert.DoesNotContain("Connection refused", quiet.Stderr, StringComparison.Ordinal);
        Assert.Contains("Connection refused", Assert.Single(Lines(verbose.Stderr), l => l.Contains("spans exported", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_LiveCollector_ExportedCountEqualsWhatTheCollectorReceived()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_directory, "build.yaml"), """
            steps:
              - name: compile
                type: command
                command: "true"
              - name: pack
                type: command
                command: "true"
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "build", "--no-progress"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        var line = Assert.Single(Lines(outcome.Stderr), l => l.Contains("exported", StringComparison.Ordinal));
        var match = ExportedLine().Match(line);
        Assert.True(match.Success, line);
        var exported = int.Parse(match.Groups["exported"].Value, CultureInfo.InvariantCulture);
        Assert.True(exported >= 4, line);
        Assert.Equal(receiver.Spans.Count, exported);
        Assert.Equal("0", match.Groups["failed"].Value);
    }

    [Fact]
    public async Task Build_StepFailsAndCollectorDead_BuildResultIsTheStepsAndTheLineIsLast()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "build.yaml"), """
            steps:
              - name: broken
                type: command
                command: "exit 4"
            """);

        var zipkin = new Uri(LoopbackPorts.GetUnusedEndpoint(), "api/v2/spans").ToString();

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "zipkin", "build", "--no-progress"],
            new Dictionary<string, string> { ["ZIPKIN_ENDPOINT"] = zipkin },
            _directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("build: FAILED", outcome.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^obs: warning: 0 spans exported, [1-9]\d* spooled, 0 failed \(zipkin http://127\.0\.0\.1:\d+/api/v2/spans\)", Lines(outcome.Stderr)[^1]);
    }

    [Fact]
    public async Task Build_QueueOverflows_DroppedSpansAreCountedAsFailed_NothingIsSilent()
    {
        // A collector that accepts the connection and never answers holds the exporter on its first span
        // until the OTLP timeout; with a queue of one span, the spans ended meanwhile overflow it.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, "build.yaml"), """
                steps:
                  - name: a
                    type: command
                    command: "true"
                  - name: b
                    type: command
                    command: "true"
                  - name: c
                    type: command
                    command: "true"
                """);
            var endpoint = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";

            var outcome = await ObsProcess.RunAsync(
                ["--exporter", "otlp", "--endpoint", endpoint, "build", "--no-progress"],
                new Dictionary<string, string>
                {
                    ["OTEL_BSP_MAX_QUEUE_SIZE"] = "1",
                    ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "1",
                    ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
                    ["OTEL_BSP_EXPORT_TIMEOUT"] = "4000",
                },
                _directory);

            Assert.Equal(0, outcome.ExitCode);
            var line = Assert.Single(Lines(outcome.Stderr), l => l.Contains("exported", StringComparison.Ordinal));
            var match = OverflowLine().Match(line);
            Assert.True(match.Success, line);
            var spooled = match.Groups["spooled"].Success ? int.Parse(match.Groups["spooled"].Value, CultureInfo.InvariantCulture) : 0;
            var failed = int.Parse(match.Groups["failed"].Value, CultureInfo.InvariantCulture);

            // Every span of the build (verb, build.execute, three steps, start-up phases) is either spooled or counted failed.
            Assert.True(failed >= 1, line);
            Assert.True(spooled + failed >= 5, line);
        }
        finally
        {
            silent.Stop();
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^obs: (?<exported>\d+) spans exported, (?<failed>\d+) failed \(otlp http://127\.0\.0\.1:\d+\)$")]
    private static partial Regex ExportedLine();

    [GeneratedRegex(@"^obs: warning: 0 spans exported, (?:(?<spooled>\d+) spooled, )?(?<failed>\d+) failed \(otlp http://127\.0\.0\.1:\d+\)")]
    private static partial Regex OverflowLine();
}
