using System.Diagnostics;
using Obs.Telemetry.Spool;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Tests.Spool;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpanSpoolTests : IDisposable
{
    private const string SourceName = "Obs.Tests.Spool";
    private static readonly ActivitySource _source = new(SourceName);
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("obs-spool-unit-").FullName, "spool");

    [Fact]
    public void Append_CreatesAPrivateDirectoryAndFile_OneLinePerBatch()
    {
        var spool = new SpanSpool(_directory, SpoolOptions.DefaultMaxBytes);

        Assert.Equal(0, spool.Append("otlp", Line(2), 2));
        Assert.Equal(0, spool.Append("otlp", Line(3), 3));

        var file = Assert.Single(SpanSpool.Files(_directory));
        Assert.StartsWith("otlp-", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(file).Length);
        Assert.Equal(5, SpanSpool.SpansIn(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Append_PastTheBound_OldestFilesDroppedFirstAndCounted()
    {
        var line = Line(4);
        var bound = (line.Length + 1) * 2L;
        new SpanSpool(_directory, bound).Append("otlp", line, 4);
        Thread.Sleep(20);
        new SpanSpool(_directory, bound).Append("zipkin", line, 4);
        var oldest = SpanSpool.Files(_directory)[0];

        var dropped = new SpanSpool(_directory, bound).Append("jaeger", line, 4);

        Assert.Equal(4, dropped);
        Assert.False(File.Exists(oldest));
        Assert.Equal(2, SpanSpool.Files(_directory).Count);
        Assert.Equal(-1, new SpanSpool(_directory, 10).Append("otlp", line, 4));
    }

    [Fact]
    public void TornLastLine_CountsAsNothing_OtherLinesStillCount()
    {
        var spool = new SpanSpool(_directory, SpoolOptions.DefaultMaxBytes);
        spool.Append("otlp", Line(2), 2);
        var file = SpanSpool.Files(_directory)[0];
        File.AppendAllText(file, "{\"resourceSpans\":[{\"resou");

        Assert.Equal(2, SpanSpool.SpansIn(file));
    }

    [Fact]
    public void JsonLine_KeepsIdsParentTimesAttributesAndStatus_AndEncodesToProtobuf()
    {
        using var listener = Listen();
        using var parent = _source.StartActivity("parent")!;
        using var child = _source.StartActivity("child", ActivityKind.Client)!;
        child.SetTag("count", 3).SetTag("ok", true).SetTag("names", new[] { "a", "b" });
        child.SetStatus(ActivityStatusCode.Error, "boom");
        child.Stop();

        var line = OtlpJsonWriter.Write(ResourceBuilder.CreateEmpty().AddService("svc").Build(), [child]);

        Assert.Contains($"\"traceId\":\"{child.TraceId.ToHexString()}\"", line, StringComparison.Ordinal);
        Assert.Contains($"\"spanId\":\"{child.SpanId.ToHexString()}\"", line, StringComparison.Ordinal);
        Assert.Contains($"\"parentSpanId\":\"{parent.SpanId.ToHexString()}\"", line, StringComparison.Ordinal);
        Assert.Contains("\"kind\":3", line, StringComparison.Ordinal);
        Assert.Contains("{\"key\":\"count\",\"value\":{\"intValue\":\"3\"}}", line, StringComparison.Ordinal);
        Assert.Contains("\"status\":{\"code\":2,\"message\":\"boom\"}", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.Equal(1, OtlpProtobufEncoder.CountSpans(line));
        var protobuf = OtlpProtobufEncoder.Encode(line);
        Assert.True(protobuf.AsSpan().IndexOf(child.SpanId.ToHexString() is var hex ? Convert.FromHexString(hex) : []) > 0);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Line(int spans)
    {
        using var listener = Listen();
        var activities = new List<Activity>();
        for (var i = 0; i < spans; i++)
        {
            var span = _source.StartActivity($"s{i}")!;
            span.Stop();
            activities.Add(span);
        }

        return OtlpJsonWriter.Write(ResourceBuilder.CreateEmpty().Build(), activities);
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
