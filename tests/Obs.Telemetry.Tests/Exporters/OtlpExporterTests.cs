using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;
using Obs.Testing.Otlp;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class OtlpExporterTests
{
    [Fact]
    public async Task Grpc_EndpointSet_TraceArrivesOverGrpcWithTreeAttributesAndService()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-otlp-grpc");
        options.OtlpEndpoint = receiver.GrpcEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(receiver), OtlpTransport.Grpc, "obs-otlp-grpc");
    }

    [Fact]
    public async Task HttpProtobuf_BaseEndpoint_TracesPathIsAppendedAndTraceArrivesOverHttp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-otlp-http");
        options.OtlpProtocol = OtlpWireProtocol.HttpProtobuf;
        options.OtlpEndpoint = receiver.HttpEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(receiver), OtlpTransport.Http, "obs-otlp-http");
    }

    [Fact]
    public async Task HttpProtobuf_SignalSpecificTracesUrl_IsUsedAsIs()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-otlp-http-signal");
        options.OtlpProtocol = OtlpWireProtocol.HttpProtobuf;
        options.OtlpEndpoint = receiver.HttpTracesEndpoint;
        options.OtlpEndpointIsSignalSpecific = true;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        // Had /v1/traces been appended again the post would go to /v1/traces/v1/traces and nothing would arrive.
        trace.AssertReceived(await trace.WaitAsync(receiver), OtlpTransport.Http, "obs-otlp-http-signal");
    }

    [Theory]
    [InlineData(OtlpWireProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf)]
    public async Task Headers_Configured_ArriveWithEveryExportRequest(OtlpWireProtocol protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = protocol == OtlpWireProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint;
        options.OtlpHeaders["x-api-key"] = "k1";
        options.OtlpHeaders["x-tenant"] = "team-a";

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        Assert.Equal(2, trace.Mine(await trace.WaitAsync(receiver)).Count);
        var headers = receiver.LastRequestHeaders;
        Assert.NotNull(headers);
        Assert.Equal("k1", headers["x-api-key"]);
        Assert.Equal("team-a", headers["x-tenant"]);
    }

    [Fact]
    public async Task Batch_MaxExportBatchSizeTwo_FiveSpansTravelInAtLeastThreeRequests()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.OtlpEndpoint = receiver.GrpcEndpoint;
        options.Batch.MaxExportBatchSize = 2;
        options.Batch.ScheduleDelayMillis = 60_000; // only the batch size (and the flush) may trigger an export

        using var host = ObsTelemetryHost.Start(options);
        var traceId = EmitFiveSpans();
        host.Flush();

        var mine = await receiver.WaitForSpansAsync(spans => spans.Count(s => s.TraceId == traceId) >= 5, BuildTrace.WaitTimeout);
        Assert.Equal(5, mine.Count(s => s.TraceId == traceId));

        // Read spans before the request count: the sink counts a request before adding its spans,
        // so every span read here belongs to a request already counted.
        var received = receiver.Spans.Count;
        var requests = receiver.RequestCount;
        Assert.True(requests >= 3, $"expected at least 3 export requests, got {requests}");
        Assert.True(received <= 2 * requests, $"{received} spans in {requests} requests: some request carried more than 2");
    }

    private static string EmitFiveSpans()
    {
        using var root = ObsActivitySources.Build.StartSpan(SpanNames.BuildExecute);
        Assert.NotNull(root);
        for (var i = 0; i < 4; i++)
        {
            using var step = ObsActivitySources.Build.StartSpan(SpanNames.BuildStep($"step{i}"));
        }

        return root.TraceId.ToHexString();
    }
}
