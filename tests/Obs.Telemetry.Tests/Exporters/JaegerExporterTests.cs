using Obs.Telemetry.Configuration;
using Obs.Testing.Otlp;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class JaegerExporterTests
{
    [Fact]
    public async Task JaegerEndpoint_GrpcAddress_TraceArrivesAsOtlpOverGrpc()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-jaeger-grpc");
        options.JaegerEndpoint = receiver.GrpcEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(receiver), OtlpTransport.Grpc, "obs-jaeger-grpc");
        Assert.Equal([ExporterKind.Jaeger], options.EffectiveExporters());
    }

    [Fact]
    public async Task JaegerEndpoint_UrlEndingInTracesPath_TraceArrivesOverHttpProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-jaeger-http");
        options.JaegerEndpoint = receiver.HttpTracesEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(receiver), OtlpTransport.Http, "obs-jaeger-http");
    }

    [Fact]
    public async Task JaegerEndpoint_OtlpHeadersConfigured_HeadersAreNotSentToJaeger()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.JaegerEndpoint = receiver.GrpcEndpoint;
        options.OtlpHeaders["x-api-key"] = "meant-for-the-otlp-collector";

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        Assert.Equal(2, trace.Mine(await trace.WaitAsync(receiver)).Count);
        Assert.NotNull(receiver.LastRequestHeaders);
        Assert.False(receiver.LastRequestHeaders.ContainsKey("x-api-key"));
    }
}
