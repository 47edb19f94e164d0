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

/// <summary>
/// The one entry point every Obs host (CLI, <c>obs serve</c>, Functions) uses to wire telemetry; only <c>obs run</c>'s
/// start-up paths (<see cref="Tracing.UnexportedTracing"/>, <see cref="Tracing.DirectOtlpTracing"/>) do without the
/// providers, and are tested against this pipeline.
/// </summary>
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
    /// <param name="services">Where the providers are registered.</param>
    /// <param name="options">Validated configuration.</param>
    /// <param name="environment">Variables whose secret values are redacted (the process's when null).</param>
    /// <param name="metrics">False for a host that records no metric (<c>obs run</c>): no meter provider is
    /// built, which is a fifth of a short-lived process's start-up with an OTLP exporter (docs/PERFORMANCE.md).</param>
    public static IServiceCollection AddObsTelemetry(this IServiceCollection services, ObsTelemetryOptions options, IReadOnlyDictionary<string, string?>? environment = null, bool metrics = true)
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

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => ObsResource.Configure(resource, options))
            .WithTracing(tracing => tracing
                .AddSource([.. ObsActivitySources.AllNames])
                .SetSampler(ObsSamplerFactory.Create(options.Sampling))
                .AddProcessor(sp => new RedactionProcessor(sp.GetRequiredService<SecretRedactor>()))
                .AddObsExporters(options, ledger));
        if (metrics)
        {
            telemetry.WithMetrics(meters => meters
                .AddMeter([.. ObsMeters.AllNames])
                .AddObsExporters(options));
        }

        return services;
    }
}
