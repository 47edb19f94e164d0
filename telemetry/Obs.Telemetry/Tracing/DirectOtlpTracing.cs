using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Redaction;
using Obs.Telemetry.Resources;
using OpenTelemetry;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Tracing for a short-lived host that exports over OTLP only and records no metric (<c>obs run</c>): spans are
/// sampled as the SDK samples them (<see cref="SdkEquivalentSampling"/>), scrubbed by the same
/// <see cref="RedactionProcessor"/>, and sent at <see cref="Shutdown"/> by the SDK's own OTLP exporters — the same
/// encoding, resource, counting and spool as <see cref="ObsTelemetryServiceCollectionExtensions.AddObsTelemetry"/>
/// wires — without the SDK's tracer provider, whose container, self-diagnostics and batch thread were a third of
/// such a process's start-up (docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// Spans wait in memory until <see cref="Shutdown"/>, at most <see cref="BatchOptions.MaxQueueSize"/> of them (the
/// rest are counted as recorded and never delivered, so the exit line reports them); a host that runs for long, or
/// ends many spans, wants the SDK's batch processor instead.
/// </remarks>
public sealed class DirectOtlpTracing : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly RedactionProcessor _redaction;
    private readonly IReadOnlyList<BaseExporter<Activity>> _exporters;
    private readonly BatchOptions _batch;
    private readonly Lock _gate = new();
    private readonly List<Activity> _ended = [];

    /// <summary>Listens to every Obs source; <paramref name="options"/> must be <see cref="ObsExporterRegistration.OtlpOnly"/>.</summary>
    /// <param name="options">Validated configuration.</param>
    /// <param name="ledger">Where recorded, delivered and refused spans are counted.</param>
    /// <param name="environment">Variables whose secret values are redacted.</param>
    public DirectOtlpTracing(ObsTelemetryOptions options, ExportLedger ledger, IReadOnlyDictionary<string, string?> environment)
        : this(options, ledger, environment, ObsActivitySources.AllNames)
    {
    }

    /// <summary>Listens to <paramref name="sourceNames"/> (a test's own source).</summary>
    internal DirectOtlpTracing(ObsTelemetryOptions options, ExportLedger ledger, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> sourceNames)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(environment);
        if (!ObsExporterRegistration.OtlpOnly(options))
        {
            throw new ArgumentException("Direct OTLP tracing needs OTLP exporters only.", nameof(options));
        }

        _batch = options.Batch;
        _redaction = new RedactionProcessor(new SecretRedactor(options.Redaction, environment));
        var resource = ObsResource.Build(options);
        _exporters = ObsExporterRegistration.DirectOtlpExporters(options, ledger, resource);
        _listener = SdkEquivalentSampling.Listen(options.Sampling, sourceNames, span => Ended(span, ledger));
    }

    /// <summary>
    /// Sends every span ended so far through each exporter, in batches of <see cref="BatchOptions.MaxExportBatchSize"/>,
    /// then shuts the exporters down; true when all of it finished within <paramref name="timeoutMillis"/>.
    /// A refused batch is spooled and counted by the exporter, as under the SDK's batch processor.
    /// </summary>
    public bool Shutdown(int timeoutMillis)
    {
        var clock = Stopwatch.StartNew();
        Activity[] spans;
        lock (_gate)
        {
            spans = [.. _ended];
            _ended.Clear();
        }

        var size = Math.Max(1, _batch.MaxExportBatchSize);
        var done = true;
        foreach (var exporter in _exporters)
        {
            for (var start = 0; start < spans.Length && clock.ElapsedMilliseconds < timeoutMillis; start += size)
            {
                var count = Math.Min(size, spans.Length - start);
                exporter.Export(new Batch<Activity>(spans[start..(start + count)], count));
            }

            done &= exporter.Shutdown(Math.Max(1, timeoutMillis - (int)clock.ElapsedMilliseconds));
        }

        return done && clock.ElapsedMilliseconds <= timeoutMillis;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var exporter in _exporters)
        {
            exporter.Dispose();
        }
    }

    private void Ended(Activity span, ExportLedger ledger)
    {
        if (!span.Recorded)
        {
            return;
        }

        // As in the SDK pipeline: redaction first; a span it withheld (Recorded cleared) is neither counted nor sent.
        _redaction.OnEnd(span);
        if (!span.Recorded)
        {
            return;
        }

        ledger.SpanRecorded();
        lock (_gate)
        {
            if (_ended.Count < _batch.MaxQueueSize)
            {
                _ended.Add(span);
            }
        }
    }
}
