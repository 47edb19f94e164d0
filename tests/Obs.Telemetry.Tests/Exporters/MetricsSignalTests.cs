using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// A host that records no metric (<c>obs run</c>) asks for no meter provider: building one, with its OTLP
/// metric exporter, is a fifth of a short-lived process's start-up. Every other host keeps both signals.
/// </summary>
public sealed class MetricsSignalTests
{
    [Fact]
    public void Hosts_get_a_meter_provider_by_default()
    {
        using var services = Build(metrics: null);

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Fact]
    public void Without_metrics_only_the_tracer_provider_is_built()
    {
        using var services = Build(metrics: false);

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    private static ServiceProvider Build(bool? metrics)
    {
        var options = ObsTelemetryHost.Options();
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpEndpoint = new Uri("http://127.0.0.1:9/");
        var environment = new Dictionary<string, string?>();
        var services = metrics is { } value
            ? new ServiceCollection().AddObsTelemetry(options, environment, value)
            : new ServiceCollection().AddObsTelemetry(options, environment);
        return services.BuildServiceProvider();
    }
}
