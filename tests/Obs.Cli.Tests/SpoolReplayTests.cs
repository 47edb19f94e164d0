using System.Text.Json;
using System.Text.RegularExpressions;
using Obs.Testing;
using Obs.Testing.Otlp;
using Obs.Testing.Zipkin;

namespace Obs.Cli.Tests;

/// <summary>
/// Offline-first export: a build whose collector is down keeps its spans in <c>.obs/spool</c>;
/// <c>obs replay</c> sends them once the collector is up, ids intact, and empties the spool.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SpoolReplayTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-spool-").FullName;

    private string Spool => Path.Combine(_directory, ".obs", "spool");

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task Build_CollectorDown_SpansSpooled_ReplayWhenUp_EverySpanArrivesOnceWithItsIds(string protocol)
    {
        WriteBuild();
        var dead = LoopbackPorts.GetUnusedEndpoint().ToString();

        var build = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", dead, "--protocol", protocol, "build", "--no-progress"], workingDirectory: _directory);

        Assert.Equal(0, build.ExitCode);
        var exitLine = Assert.Single(Lines(build.Stderr), l => l.Contains("spooled", StringComparison.Ordinal));
        var spooled = int.Parse(SpooledCount().Match(exitLine).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var spooledIds = SpooledSpanIds();
        Assert.Equal(spooled, spooledIds.Count);
        Assert.True(spooled >= 3, exitLine);
        var traceId = TraceId().Match(build.Stdout).Groups["id"].Value;
        Assert.Matches(@"^drwx------", Mode(Spool));

        await using var receiver = await OtlpReceiver.StartAsync();
        var endpoint = protocol == "grpc" ? receiver.GrpcEndpoint : receiver.HttpEndpoint;
        var replay = await ObsProcess.RunAsync(["--endpoint", endpoint.ToString(), "--protocol", protocol, "replay"], workingDirectory: _directory);
        var again = await ObsProcess.RunAsync(["--endpoint", endpoint.ToString(), "--protocol", protocol, "replay"], workingDirectory: _directory);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"replay: {spooled} spans sent, 0 left", replay.Stderr, StringComparison.Ordinal);
        var received = await receiver.WaitForSpansAsync(spooled, Wait);
        Assert.Equal(spooledIds.Order(), received.Select(s => s.SpanId).Order());
        Assert.All(received, s => Assert.Equal(traceId, s.TraceId));
        Assert.Contains(received, s => s.Name == "obs build" && s.Resource["service.name"]?.ToString() == "obs");
        Assert.Empty(Directory.GetFiles(Spool));
        Assert.Contains("the spool is empty", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(spooled, receiver.Spans.Count);
    }

    [Fact]
    public async Task Replay_CollectorStillRefuses_NothingLeavesTheSpool_ExitsOne()
    {
        WriteBuild();
        await using var refusing = await RefusingCollector.StartAsync(503, retryAfterSeconds: 1);
        var endpoint = refusing.HttpEndpoint.ToString();

        var build = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", endpoint, "--protocol", "http/protobuf", "-v", "build", "--no-progress"], workingDirectory: _directory);
        var before = SpooledSpanIds();
        var replay = await ObsProcess.RunAsync(["--endpoint", endpoint, "--protocol", "http/protobuf", "replay"], workingDirectory: _directory);

        Assert.Equal(0, build.ExitCode);
        Assert.Contains("HTTP 503", build.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(before);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("HTTP 503", replay.Stderr, StringComparison.Ordinal);
        Assert.Contains($"0 spans sent, {before.Count} left", replay.Stderr, StringComparison.Ordinal);
        Assert.Equal(before.Order(), SpooledSpanIds().Order());
    }

    [Fact]
    public async Task Replay_Collector503WithRetryAfterThenRecovers_WaitsAsToldAndEmptiesTheSpool()
    {
        WriteBuild();
        var dead = LoopbackPorts.GetUnusedEndpoint().ToString();
        var build = await ObsProcess.RunAsync(["--exporter", "otlp", "--endpoint", dead, "--protocol", "http/protobuf", "build", "--no-progress"], workingDirectory: _directory);
        var lines = Directory.GetFiles(Spool, "*.jsonl").SelectMany(File.ReadLines).Count();
        await using var collector = await RefusingCollector.StartAsync(503, retryAfterSeconds: 1, refusals: 1);

        var replay = await ObsProcess.RunAsync(["--endpoint", collector.HttpEndpoint.ToString(), "--protocol", "http/protobuf", "replay"], workingDirectory: _directory);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains(", 0 left", replay.Stderr, StringComparison.Ordinal);
        Assert.Equal(lines, collector.AcceptedCount);
        Assert.Equal(lines + 1, collector.RequestCount);
        var arrivals = collector.Arrivals;
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms");
        Assert.Empty(Directory.GetFiles(Spool));
    }

    [Fact]
    public async Task Zipkin_Down_ThenReplayedToZipkin_SameIds()
    {
        WriteBuild();
        var dead = new Uri(LoopbackPorts.GetUnusedEndpoint(), "api/v2/spans").ToString();
        var build = await ObsProcess.RunAsync(["--exporter", "zipkin", "build", "--no-progress"], new Dictionary<string, string> { ["ZIPKIN_ENDPOINT"] = dead }, _directory);
        var spooledIds = SpooledSpanIds();

        await using var zipkin = await ZipkinReceiver.StartAsync();
        var replay = await ObsProcess.RunAsync(["--exporter", "zipkin", "replay"], new Dictionary<string, string> { ["ZIPKIN_ENDPOINT"] = zipkin.SpansEndpoint.ToString() }, _directory);

        Assert.Equal(0, build.ExitCode);
        Assert.NotEmpty(spooledIds);
        Assert.Equal(0, replay.ExitCode);
        var received = await zipkin.WaitForSpansAsync(spooledIds.Count, Wait);
        Assert.Equal(spooledIds.Order(), received.Select(s => s.Id).Order());
        Assert.Contains(received, s => s.Name == "obs build" && s.ServiceName == "obs");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteBuild() => File.WriteAllText(Path.Combine(_directory, "build.yaml"), """
        steps:
          - name: compile
            type: command
            command: "true"
          - name: test
            type: command
            command: "true"
            depends_on: [compile]
        """);

    private List<string> SpooledSpanIds()
    {
        var ids = new List<string>();
        foreach (var line in Directory.GetFiles(Spool, "*.jsonl").SelectMany(File.ReadLines))
        {
            using var document = JsonDocument.Parse(line);
            foreach (var span in document.RootElement.GetProperty("resourceSpans").EnumerateArray()
                .SelectMany(rs => rs.GetProperty("scopeSpans").EnumerateArray())
                .SelectMany(ss => ss.GetProperty("spans").EnumerateArray()))
            {
                ids.Add(span.GetProperty("spanId").GetString()!);
            }
        }

        return ids;
    }

    private static string Mode(string path)
    {
        var mode = File.GetUnixFileMode(path);
        return "d" + (mode.HasFlag(UnixFileMode.UserRead) ? "r" : "-") + (mode.HasFlag(UnixFileMode.UserWrite) ? "w" : "-") + (mode.HasFlag(UnixFileMode.UserExecute) ? "x" : "-")
            + ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0 ? "------" : "other");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"(?<n>\d+) spooled")]
    private static partial Regex SpooledCount();

    [GeneratedRegex(@"trace (?<id>[0-9a-f]{32})")]
    private static partial Regex TraceId();
}
