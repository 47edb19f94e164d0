using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Metrics;
using Obs.Telemetry.Redaction;
using Obs.Telemetry.Resources;
using Obs.Telemetry.Sampling;
using OpenTelemetry.Trace;

namespace Obs.Telemetry;

/// <summary>The one entry point every Obs host (CLI, <c>obs serve</c>, Functions) uses to wire telemetry.</summary>
public static class ObsTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers tracer and meter providers built from validated <paramref name="options"/>: the Obs
    /// resource, every Obs <see cref="System.Diagnostics.ActivitySource"/> and meter, the configured
    /// sampler, redaction before export, and the configured exporters. Hosts add their own
    /// instrumentation with <c>services.ConfigureOpenTelemetryTracerProvider(...)</c>.
    /// With <see cref="ObsTelemetryOptions.Disabled"/> nothing listens and no span is recorded.
    /// What the exporters delivered is on the registered <see cref="ExportLedger"/>.
    /// </summary>
    public static IServiceCollection AddObsTelemetry(this IServiceCollection services, ObsTelemetryOptions options, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.TryAddSingleton(options);
        var ledger = new ExportLedger();
        services.TryAddSingleton(ledger);
        services.TryAddSingleton(_ => new SecretRedactor(options.Redaction, environment ?? ConfigLoadRequest.ProcessEnvironment()));
        if (options.Disabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => ObsResource.Configure(resource, options))
            .WithTracing(tracing => tracing
                .AddSource([.. ObsActivitySources.AllNames])
                .SetSampler(ObsSamplerFactory.Create(options.Sampling))
                .AddProcessor(sp => new RedactionProcessor(sp.GetRequiredService<SecretRedactor>()))
                .AddObsExporters(options, ledger))
            .WithMetrics(metrics => metrics
                .AddMeter([.. ObsMeters.AllNames])
                .AddObsExporters(options));
        return services;
    }
}
