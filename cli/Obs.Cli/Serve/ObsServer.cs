using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Obs.Api;
using Obs.Api.Payloads;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;
using Obs.Telemetry.Configuration;

namespace Obs.Cli.Serve;

/// <summary>
/// <c>obs serve</c>'s web host: Kestrel on the configured URLs serving <see cref="ObsApiHandlers"/> over the
/// local engine, function keys checked in front, unhandled failures answered as problem details.
/// </summary>
public sealed class ObsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalOrchestrationEngine _engine;
    private readonly ReadinessCheck _exporters;

    private ObsServer(WebApplication app, LocalOrchestrationEngine engine, ObsTelemetryOptions telemetry)
    {
        _app = app;
        _engine = engine;

        // The configuration is fixed for the server's life: worked out once, not on every GET /health.
        var exporters = telemetry.EffectiveExporters();
        _exporters = exporters.Count == 0
            ? new ReadinessCheck("none", "tracing is off")
            : new ReadinessCheck("configured", string.Join(", ", exporters));
    }

    /// <summary>The addresses Kestrel actually listens on (a <c>:0</c> port resolved).</summary>
    public IReadOnlyList<string> Urls => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Builds the host (not started).</summary>
    public static ObsServer Create(ServeSettings settings, LocalOrchestrationEngine engine, ObsTelemetryOptions telemetry, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(telemetry);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The API enforces its own (configurable) limit with a 413 problem; Kestrel's is only a backstop.
            kestrel.Limits.MaxRequestBodySize = Math.Max(30_000_000, settings.Api.MaxRequestBodyBytes + 1);
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));

        var app = builder.Build();
        var server = new ObsServer(app, engine, telemetry);
        var handlers = new ObsApiHandlers(engine.Client, settings.Api, server.ReadinessAsync);
        app.UseObsApi(handlers, settings.Api);
        if (settings.Retention is { } retention)
        {
            var purge = new InstanceRetention(engine.Client, retention, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<InstanceRetention>());
            app.Lifetime.ApplicationStarted.Register(() => _ = purge.RunAsync(app.Lifetime.ApplicationStopping));
        }

        return server;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Completes on SIGINT/SIGTERM (or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops taking requests and lets the ones in flight finish (up to the host's shutdown timeout).</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>Readiness for <c>/health</c>: the engine, its database, and the exporters in use.</summary>
    public async Task<IReadOnlyDictionary<string, ReadinessCheck>> ReadinessAsync(CancellationToken cancellationToken)
    {
        var stopping = _app.Lifetime.ApplicationStopping.IsCancellationRequested;
        var checks = new Dictionary<string, ReadinessCheck>(StringComparer.Ordinal)
        {
            ["engine"] = stopping
                ? new ReadinessCheck(HealthReport.Unhealthy, "shutting down; running instances keep their state")
                : new ReadinessCheck(HealthReport.Healthy, $"local engine {_engine.OwnerId}"),
        };
        var clock = Stopwatch.StartNew();
        try
        {
            await _engine.Client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 1 }, cancellationToken).ConfigureAwait(false);
            checks["database"] = new ReadinessCheck(HealthReport.Healthy, $"sqlite answered in {clock.Elapsed.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            checks["database"] = new ReadinessCheck(HealthReport.Unhealthy, ex.Message);
        }

        checks["exporters"] = _exporters;
        return checks;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
