using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Metrics;
using Obs.Testing.Otlp;
using OpenTelemetry.Metrics;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// The meter provider's OTLP exporter, end to end: a build metric recorded through <c>AddObsTelemetry</c> reaches a
/// real loopback collector at shutdown, over gRPC and over http/protobuf, with the service's resource beside it.
/// </summary>
public sealed class OtlpMetricExportTests
{
    [Theory]
    [InlineData(OtlpWireProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf)]
    public async Task A_recorded_build_metric_arrives_at_the_collector_at_shutdown(OtlpWireProtocol protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var service = $"obs-metrics-{protocol}-{Guid.NewGuid():N}";
        var options = ObsTelemetryHost.Options(service);
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = protocol == OtlpWireProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint;

        using (var services = new ServiceCollection().AddObsTelemetry(options, new Dictionary<string, string?>()).BuildServiceProvider())
        {
            var meters = services.GetRequiredService<MeterProvider>();
            ObsInstruments.BuildDuration.Record(1.5);
            ObsInstruments.BuildRuns.Add(1);
            Assert.True(meters.Shutdown(ObsTelemetryHost.FlushMillis), "the meter provider did not shut down in time");
        }

        var transport = protocol == OtlpWireProtocol.Grpc ? OtlpTransport.Grpc : OtlpTransport.Http;
        var exports = await receiver.WaitForMetricsAsync(e => e.Any(x => x.Names(service)), TimeSpan.FromSeconds(10));
        var ours = Assert.Single(exports, export => export.Names(service));
        Assert.Equal(transport, ours.Transport);
        Assert.True(ours.Names(ObsInstruments.BuildDurationName), "the build duration histogram is not in the export");
        Assert.True(ours.Names(ObsMeters.BuildName), "the meter's scope name is not in the export");
        Assert.Empty(receiver.Spans);
    }
}
