using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry.Configuration;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// Obs telemetry wired the way every host wires it: <c>AddObsTelemetry</c>, then the tracer provider
/// the container owns. Disposing it shuts the provider down, as a host does at exit.
/// </summary>
internal sealed class ObsTelemetryHost : IDisposable
{
    public const int FlushMillis = 5000;

    private readonly ServiceProvider _services;

    private ObsTelemetryHost(ServiceProvider services)
    {
        _services = services;
        TracerProvider = services.GetService<TracerProvider>();
    }

    /// <summary>Null when <see cref="ObsTelemetryOptions.Disabled"/>.</summary>
    public TracerProvider? TracerProvider { get; }

    /// <summary>
    /// Builds the pipeline with an empty environment, so no variable of the machine running the tests
    /// (a CI token, say) changes what redaction masks.
    /// </summary>
    public static ObsTelemetryHost Start(ObsTelemetryOptions options) =>
        new(new ServiceCollection().AddObsTelemetry(options, new Dictionary<string, string?>()).BuildServiceProvider());

    /// <summary>Options for a test: a recognisable service name, everything else at its default.</summary>
    public static ObsTelemetryOptions Options(string serviceName = "obs-exporter-tests") => new() { ServiceName = serviceName };

    /// <summary>Pushes everything ended so far through the exporters and fails the test if that did not finish.</summary>
    public void Flush()
    {
        Assert.NotNull(TracerProvider);
        Assert.True(TryFlush(), "the tracer provider did not flush in time");
    }

    /// <summary>Flushes for at most <see cref="FlushMillis"/>; false when an exporter failed or time ran out.</summary>
    public bool TryFlush() => TracerProvider?.ForceFlush(FlushMillis) ?? false;

    public void Dispose() => _services.Dispose();
}
