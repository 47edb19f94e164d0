using Obs.Telemetry.Configuration;
using Obs.Testing.Zipkin;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class ZipkinExporterTests
{
    [Fact]
    public async Task ZipkinEndpoint_Set_TraceArrivesAsV2JsonWithTreeTagsAndServiceName()
    {
        await using var receiver = await ZipkinReceiver.StartAsync();
        var options = ObsTelemetryHost.Options("obs-zipkin");
        options.ZipkinEndpoint = receiver.SpansEndpoint;

        using var host = ObsTelemetryHost.Start(options);
        var trace = BuildTrace.EmitListened();
        host.Flush();

        trace.AssertReceived(await trace.WaitAsync(receiver), "obs-zipkin");
        Assert.Equal([ExporterKind.Zipkin], options.EffectiveExporters());
    }
}
