using System.Collections.Concurrent;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// What became of the spans of one tracer provider: how many were recorded and, per exporter, how many
/// it delivered and the last error it met. Every exporter receives every recorded span, so an exporter's
/// failed count is what was recorded and not delivered: refused batches, spans dropped from a full
/// queue, and spans still queued when the export deadline passed.
/// </summary>
public sealed class ExportLedger
{
    private readonly ConcurrentDictionary<string, ExporterTally> _exporters = new(StringComparer.Ordinal);
    private long _recorded;

    /// <summary>Spans recorded (sampled in and ended).</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>The tally of each exporter, in the order they were added.</summary>
    public IReadOnlyList<ExporterTally> Exporters => [.. _exporters.Values.OrderBy(t => t.Order)];

    /// <summary>Counts one recorded span.</summary>
    public void SpanRecorded() => Interlocked.Increment(ref _recorded);

    /// <summary>The tally for the exporter called <paramref name="name"/> sending to <paramref name="target"/>.</summary>
    public ExporterTally For(string name, string? target)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _exporters.GetOrAdd(name, n => new ExporterTally(n, target, _exporters.Count));
    }

    /// <summary>The report as it stands now.</summary>
    public ExportReport Report() => new(Recorded, [.. Exporters.Select(t => t.Snapshot(Recorded))]);
}
