using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Tracing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Obs.Cli.Hosting;

/// <summary>
/// The CLI's telemetry for one invocation: configuration layered and validated, providers built
/// through <see cref="ObsTelemetryServiceCollectionExtensions.AddObsTelemetry"/>, and a shutdown
/// that never outlives the export timeout, whatever state the collector is in.
/// </summary>
public sealed class CliTelemetry : IDisposable
{
    private readonly ServiceProvider? _services;
    private readonly UnexportedTracing? _unexported;
    private readonly DirectOtlpTracing? _direct;
    private readonly TracerProvider? _tracerProvider;
    private readonly MeterProvider? _meterProvider;
    private readonly ExportLedger? _ledger;
    private readonly CliConsole _console;
    private readonly bool _verbose;
    private bool _closed;

    private CliTelemetry(ObsTelemetryOptions options, ServiceProvider services, CliConsole console, bool verbose)
    {
        Options = options;
        _services = services;
        _console = console;
        _verbose = verbose;
        _tracerProvider = services.GetService<TracerProvider>();
        _meterProvider = services.GetService<MeterProvider>();
        _ledger = _tracerProvider is null ? null : services.GetService<ExportLedger>();
    }

    /// <summary>
    /// Without the SDK's provider: no exporter (<paramref name="unexported"/>: sampled and counted as the SDK would), or
    /// OTLP only with no metric and no host instrumentation (<paramref name="direct"/>: the SDK's exporters fed directly).
    /// </summary>
    private CliTelemetry(ObsTelemetryOptions options, ExportLedger ledger, CliConsole console, bool verbose, UnexportedTracing? unexported, DirectOtlpTracing? direct)
    {
        Options = options;
        _console = console;
        _verbose = verbose;
        _ledger = ledger;
        _unexported = unexported;
        _direct = direct;
    }

    public ObsTelemetryOptions Options { get; }

    /// <summary>
    /// Loads configuration from <paramref name="request"/> and starts the providers.
    /// </summary>
    /// <exception cref="UsageException">The configuration is invalid: one problem per key.</exception>
    /// <param name="request">Where configuration comes from.</param>
    /// <param name="console">Where problems and warnings go.</param>
    /// <param name="verbose">Whether to say which config and exporters are in use.</param>
    /// <param name="secrets">Literal values to redact from every span besides the built-in rules (e.g. <c>obs serve</c>'s keys).</param>
    /// <param name="tracing">The host's own instrumentation (e.g. ASP.NET Core's under <c>obs serve</c>).</param>
    /// <param name="metrics">False for a verb that records no metric (<c>obs run</c>): no meter provider.</param>
    public static CliTelemetry Start(ConfigLoadRequest request, CliConsole console, bool verbose, IReadOnlyList<string>? secrets = null, Action<TracerProviderBuilder>? tracing = null, bool metrics = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);

        var result = LoadOptions(request, console);
        var options = result.Options;
        if (verbose)
        {
            console.Say($"config: {result.ConfigFile ?? "built-in defaults"}; service {options.ServiceName}; sampler {options.Sampling.Type}");
            var exporters = options.EffectiveExporters();
            console.Say(exporters.Count == 0 ? "exporters: none" : $"exporters: {string.Join(", ", exporters)}");
        }

        foreach (var secret in secrets ?? [])
        {
            options.Redaction.Values.Add(secret);
        }

        if (!options.Disabled && tracing is null && !ObsExporterRegistration.HasExporters(options))
        {
            // Nothing to export to and no host instrumentation: the SDK's provider would only sample and count.
            var ledger = new ExportLedger();
            return new CliTelemetry(options, ledger, console, verbose, new UnexportedTracing(options.Sampling, ledger), direct: null);
        }

        options.Spool.Directory = SpoolDirectory(request.Environment);
        if (!options.Disabled && tracing is null && !metrics && ObsExporterRegistration.OtlpOnly(options))
        {
            // obs run: one span, sent at exit by the SDK's OTLP exporter without building the SDK's provider.
            var ledger = new ExportLedger();
            return new CliTelemetry(options, ledger, console, verbose, unexported: null, new DirectOtlpTracing(options, ledger, request.Environment));
        }

        var services = new ServiceCollection().AddObsTelemetry(options, request.Environment, metrics);
        if (tracing is not null && !options.Disabled)
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing);
        }

        return new CliTelemetry(options, services.BuildServiceProvider(), console, verbose);
    }

    /// <summary>
    /// Loads and validates configuration without starting telemetry; writes its warnings.
    /// </summary>
    /// <exception cref="UsageException">The configuration is invalid: one problem per key.</exception>
    public static ConfigLoadResult LoadOptions(ConfigLoadRequest request, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var result = ObsConfigurationLoader.Load(request);
        if (!result.IsValid)
        {
            throw new UsageException([.. result.Errors.Select(problem => $"config: {problem}")]);
        }

        foreach (var warning in result.Warnings)
        {
            console.Warn(warning);
        }

        return result;
    }

    /// <summary>The CLI's spool: <c>spool/</c> beside the state database (<c>.obs/spool</c> by default).</summary>
    public static string SpoolDirectory(IReadOnlyDictionary<string, string?> environment) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CliEngine.DatabasePath(environment)))!, "spool");

    /// <summary>
    /// Flushes and shuts the providers down (true when done in time), waiting at most the export timeout
    /// (<c>tracing.batch.export_timeout_millis</c>). A dead or slow collector costs at most that;
    /// what could not be sent by then is dropped, and the traced command's result is unchanged.
    /// </summary>
    public bool Shutdown()
    {
        if (_tracerProvider is null && _meterProvider is null && _direct is null)
        {
            // No exporter, or tracing off: nothing to flush, and no thread pool to start for it (its gate
            // and worker threads were a tenth of a bare `obs run`'s CPU; docs/PERFORMANCE.md).
            return true;
        }

        var budget = TimeSpan.FromMilliseconds(Options.Batch.ExportTimeoutMillis);
        var clock = Stopwatch.StartNew();
        var shutdown = Task.Run(() =>
        {
            var ms = (int)budget.TotalMilliseconds;
            _direct?.Shutdown(ms);
            _tracerProvider?.Shutdown(ms);
            _meterProvider?.Shutdown(Math.Max(1, ms - (int)clock.ElapsedMilliseconds));
        });

        // The SDK honours its timeouts, but an exporter stuck in a socket call must not hold the
        // CLI: wait on the deadline, not on the SDK.
        return shutdown.Wait(budget);
    }

    /// <summary>
    /// Shuts down (see <see cref="Shutdown"/>), then says in one line on stderr how many spans each
    /// exporter delivered and how many it did not — with its error under <c>-v</c>: a dead collector is never silent.
    /// </summary>
    public void Dispose() => Close(reportExports: true);

    /// <summary>
    /// Shuts down; with <paramref name="reportExports"/> false, without the exit line — for a verb that
    /// stopped on a usage or state problem before any work, whose one error line stays the only one.
    /// </summary>
    public void Close(bool reportExports)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        // Past the deadline the providers are abandoned, not disposed: disposing would wait on them again.
        var done = Shutdown();
        if (reportExports && _ledger?.Report() is { } report)
        {
            if (report.HasFailures)
            {
                _console.Warn(report.Line(_verbose));
            }
            else
            {
                _console.Say(report.Line(_verbose));
            }
        }

        _unexported?.Dispose();
        if (done)
        {
            _direct?.Dispose();
            _services?.Dispose();
        }
    }
}
