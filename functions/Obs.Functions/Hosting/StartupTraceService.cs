using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;
using OpenTelemetry.Trace;

namespace Obs.Functions.Hosting;

/// <summary>
/// Emits the worker's own start-up as <c>startup.initialize</c> (component <c>functions</c>) once the
/// tracer provider exists: hosted services start after OpenTelemetry's, so the phases recorded before the
/// host was built are exported with their real times, under <c>TRACEPARENT</c> when one is set.
/// </summary>
public sealed class StartupTraceService : IHostedService
{
    /// <summary>The <c>startup.component</c> value of the worker's start-up span.</summary>
    public const string Component = "functions";

    private readonly StartupRecorder _startup;
    private readonly IServiceProvider _services;

    public StartupTraceService(StartupRecorder startup, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(startup);
        ArgumentNullException.ThrowIfNull(services);
        _startup = startup;
        _services = services;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        using (_startup.Measure(SpanNames.StartupHealthChecks))
        {
            // Resolving the provider is the check: it fails here, named, if an exporter cannot be built.
            _ = _services.GetService<TracerProvider>();
        }

        W3CTraceContext.TryReadEnvironment(ConfigLoadRequest.ProcessEnvironment(), out var parent);
        _startup.Emit(ObsActivitySources.Startup, Component, parent);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
