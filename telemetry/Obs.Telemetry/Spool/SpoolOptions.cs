namespace Obs.Telemetry.Spool;

/// <summary>Where spans an exporter could not deliver are kept for <c>obs replay</c>, and how much of them.</summary>
public sealed class SpoolOptions
{
    /// <summary>64 MiB: some 200,000 spans, the spans of many builds.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The spool directory (the CLI's is <c>.obs/spool</c>, beside the state database); null spools nothing.</summary>
    public string? Directory { get; set; }

    /// <summary>The most the spool holds; past it the oldest files are dropped first, and counted.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
