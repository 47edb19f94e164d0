using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;
using Obs.Testing.Otlp;
using Obs.Testing.Otlp.Proto.Collector.Trace.V1;
using Obs.Testing.Otlp.Proto.Trace.V1;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Receivers;

public sealed class OtlpReceiverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Grpc_ExporterSendsParentAndChild_ReceiverSeesTreeAttributesEventAndResource()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        var sent = SampleTrace.Emit(b => b.AddOtlpExporter(o =>
        {
            o.Endpoint = receiver.GrpcEndpoint;
            o.Protocol = OtlpExportProtocol.Grpc;
            o.Headers = "x-api-key=secret-grpc";
        }));

        var spans = await receiver.WaitForSpansAsync(2, Timeout);
        AssertSampleTrace(sent, spans, OtlpTransport.Grpc);
        Assert.Equal("secret-grpc", receiver.LastRequestHeaders?["x-api-key"]);
        Assert.True(receiver.RequestCount >= 1);
    }

    [Fact]
    public async Task HttpProtobuf_ExporterSendsParentAndChild_ReceiverSeesTreeAttributesEventAndResource()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        var sent = SampleTrace.Emit(b => b.AddOtlpExporter(o =>
        {
            o.Endpoint = receiver.HttpTracesEndpoint;
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.Headers = "x-api-key=secret-http";
        }));

        var spans = await receiver.WaitForSpansAsync(2, Timeout);
        AssertSampleTrace(sent, spans, OtlpTransport.Http);
        Assert.Equal("secret-http", receiver.LastRequestHeaders?["X-Api-Key"]);
        Assert.Equal(new Uri(receiver.HttpEndpoint, "v1/traces"), receiver.HttpTracesEndpoint);
    }

    [Fact]
    public async Task HttpPost_GzipBody_IsDecompressedAndAnsweredWithProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var request = new ExportTraceServiceRequest
        {
            ResourceSpans = { new ResourceSpans { ScopeSpans = { new ScopeSpans { Spans = { new Span { Name = "gz", TraceId = ByteString.CopyFrom(new byte[16]), SpanId = ByteString.CopyFrom(new byte[8]) } } } } } },
        };
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            request.WriteTo(gzip);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");
        using var client = new HttpClient();
        using var response = await client.PostAsync(receiver.HttpTracesEndpoint, content);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var span = Assert.Single(receiver.Spans);
        Assert.Equal("gz", span.Name);
        Assert.Null(span.ParentSpanId);
        Assert.Equal(new string('0', 32), span.TraceId);
    }

    [Fact]
    public async Task WaitForSpans_ConditionNeverHolds_ReturnsWhatItHasAtTheDeadline()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        var spans = await receiver.WaitForSpansAsync(1, TimeSpan.FromMilliseconds(200));

        Assert.Empty(spans);
        Assert.Equal(0, receiver.RequestCount);
        Assert.Null(receiver.LastRequestHeaders);
    }

    private static void AssertSampleTrace(SampleTrace sent, IReadOnlyList<ReceivedSpan> spans, string transport)
    {
        Assert.Equal(2, spans.Count);
        var parent = Assert.Single(spans, s => s.Name == SampleTrace.ParentName);
        var child = Assert.Single(spans, s => s.Name == SampleTrace.ChildName);

        Assert.All(spans, s => Assert.Equal(sent.TraceId, s.TraceId));
        Assert.All(spans, s => Assert.Equal(transport, s.Transport));
        Assert.All(spans, s => Assert.Equal(sent.SourceName, s.ScopeName));
        Assert.All(spans, s => Assert.Equal(SampleTrace.ServiceName, s.Resource["service.name"]));
        Assert.All(spans, s => Assert.True(s.EndUnixNano >= s.StartUnixNano && s.StartUnixNano > 0));

        Assert.Equal(sent.ParentSpanId, parent.SpanId);
        Assert.Null(parent.ParentSpanId);
        Assert.Equal(2, parent.Kind);
        Assert.Equal("hello", parent.Attributes["sample.text"]);
        Assert.Equal(42L, parent.Attributes["sample.count"]);
        Assert.Equal(0.5, parent.Attributes["sample.ratio"]);
        Assert.Equal(true, parent.Attributes["sample.flag"]);
        Assert.Equal(new object?[] { "a", "b" }, parent.Attributes["sample.list"]);

        Assert.Equal(sent.ChildSpanId, child.SpanId);
        Assert.Equal(sent.ParentSpanId, child.ParentSpanId);
        Assert.Equal(1, child.Kind);
        Assert.Equal("compile", child.Attributes["sample.step"]);
        var received = Assert.Single(child.Events);
        Assert.Equal(SampleTrace.EventName, received.Name);
        Assert.Equal("evt", received.Attributes["sample.detail"]);
        Assert.Equal(2, child.StatusCode);
        Assert.Equal("boom", child.StatusMessage);
    }
}
