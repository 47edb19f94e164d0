using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Tracing for a short-lived host with no exporter configured: spans are sampled exactly as the SDK's tracer
/// provider samples them (<see cref="SdkEquivalentSampling"/>) and counted on the <see cref="ExportLedger"/> when
/// they end, without building the SDK's provider — which nothing would export from, and which is about a third
/// of <c>obs run</c>'s start-up (docs/PERFORMANCE.md).
/// </summary>
public sealed class UnexportedTracing : IDisposable
{
    private readonly ActivityListener _listener;

    /// <summary>Listens to every Obs source (<see cref="ObsActivitySources.AllNames"/>) until disposed.</summary>
    public UnexportedTracing(SamplingOptions sampling, ExportLedger ledger)
        : this(sampling, ledger, ObsActivitySources.AllNames)
    {
    }

    /// <summary>Listens to <paramref name="sourceNames"/> (a test's own source).</summary>
    internal UnexportedTracing(SamplingOptions sampling, ExportLedger ledger, IEnumerable<string> sourceNames)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _listener = SdkEquivalentSampling.Listen(sampling, sourceNames, span =>
        {
            if (span.Recorded)
            {
                ledger.SpanRecorded();
            }
        });
    }

    public void Dispose() => _listener.Dispose();
}
