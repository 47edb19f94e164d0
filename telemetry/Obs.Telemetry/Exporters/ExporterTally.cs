namespace Obs.Telemetry.Exporters;

/// <summary>One exporter's deliveries: spans in batches it sent successfully, and the last error it met.</summary>
public sealed class ExporterTally
{
    private long _exported;
    private long _spooled;
    private long _dropped;
    private string? _lastError;

    internal ExporterTally(string name, string? target, int order)
    {
        Name = name;
        Target = target;
        Order = order;
    }

    /// <summary>The exporter's configured name: <c>otlp</c>, <c>jaeger</c>, <c>zipkin</c>, <c>console</c>.</summary>
    public string Name { get; }

    /// <summary>Where it sends (the endpoint URL), or null for the console.</summary>
    public string? Target { get; }

    internal int Order { get; }

    /// <summary>Spans in batches the backend accepted.</summary>
    public long Exported => Interlocked.Read(ref _exported);

    /// <summary>Spans of refused batches kept in the spool for <c>obs replay</c>.</summary>
    public long Spooled => Interlocked.Read(ref _spooled);

    /// <summary>Spans of older spool files dropped to keep the spool within its bound.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The last error met sending, in the transport's words (e.g. "Connection refused (127.0.0.1:4317)").</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Counts a batch of <paramref name="spans"/> spans the backend accepted.</summary>
    public void Delivered(int spans) => Interlocked.Add(ref _exported, spans);

    /// <summary>Counts <paramref name="spans"/> spans written to the spool.</summary>
    public void SpooledSpans(int spans) => Interlocked.Add(ref _spooled, spans);

    /// <summary>Counts <paramref name="spans"/> spans of older spool files dropped for room.</summary>
    public void DroppedFromSpool(long spans) => Interlocked.Add(ref _dropped, spans);

    /// <summary>Keeps <paramref name="error"/> as the last error this exporter met.</summary>
    public void Failed(string error) => Volatile.Write(ref _lastError, error);

    internal ExporterOutcome Snapshot(long recorded)
    {
        var exported = Exported;
        var spooled = Spooled;
        return new ExporterOutcome(Name, Target, exported, Math.Max(0, recorded - exported - spooled), LastError, spooled, Dropped);
    }
}
