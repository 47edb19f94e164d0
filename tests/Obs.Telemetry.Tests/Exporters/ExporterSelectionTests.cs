using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Testing.Otlp;
using Obs.Testing.Zipkin;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class ExporterSelectionTests
{
    // Long enough for a batch export to reach a loopback receiver; nothing is expected to arrive.
    private static readonly TimeSpan _quietPeriod = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Exporters_OtlpZipkinAndConsoleTogether_SameTraceArrivesAtBothReceivers()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        await using var zipkin = await ZipkinReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-all-exporters");
        options.Exporters = [ExporterKind.Otlp, ExporterKind.Zipkin, ExporterKind.Console];
        options.OtlpEndpoint = otlp.GrpcEndpoint;
        options.ZipkinEndpoint = zipkin.SpansEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(otlp), OtlpTransport.Grpc, "obs-all-exporters");
        trace.AssertReceived(await trace.WaitAsync(zipkin), "obs-all-exporters");
        Assert.Equal(
            trace.Mine(otlp.Spans).Select(s => s.SpanId).Order(),
            trace.Mine(zipkin.Spans).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task Exporters_EmptyListWithEndpointsSet_ProviderRecordsButNothingIsSent()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        await using var zipkin = await ZipkinReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.Exporters = [];
        options.OtlpEndpoint = otlp.GrpcEndpoint;
        options.ZipkinEndpoint = zipkin.SpansEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        _ = BuildTrace.EmitListened(); // the provider exists and records; it just has nowhere to send
        host.Flush();

        Assert.False(ObsExporterRegistration.HasExporters(options));
        Assert.Empty(await otlp.WaitForSpansAsync(spans => spans.Count > 0, _quietPeriod));
        Assert.Empty(await zipkin.WaitForSpansAsync(spans => spans.Count > 0, _quietPeriod));
        Assert.Equal(0, otlp.RequestCount);
        Assert.Equal(0, zipkin.RequestCount);
    }

    [Fact]
    public async Task Disabled_WithExportersAndEndpoints_NoTracerProviderAndNothingIsSent()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        await using var zipkin = await ZipkinReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.Disabled = true;
        options.Exporters = [ExporterKind.Otlp, ExporterKind.Zipkin];
        options.OtlpEndpoint = otlp.GrpcEndpoint;
        options.ZipkinEndpoint = zipkin.SpansEndpoint;

        using var host = ObsTelemetryHost.Start(options);

        // Other tests' providers may still listen to the process-wide source; this one must not exist.
        Assert.Null(host.TracerProvider);
        _ = BuildTrace.Emit();
        Assert.Empty(options.EffectiveExporters());
        Assert.Empty(await otlp.WaitForSpansAsync(spans => spans.Count > 0, _quietPeriod));
        Assert.Empty(zipkin.Spans);
        Assert.Equal(0, otlp.RequestCount);
        Assert.Equal(0, zipkin.RequestCount);
    }
}
