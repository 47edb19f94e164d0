using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>
/// Summary statistics of measured latencies, in milliseconds.
/// </summary>
/// <remarks>
/// Percentiles use linear interpolation between closest ranks (Hyndman–Fan type 7, the default of
/// NumPy and Excel's <c>PERCENTILE.INC</c>): the p-th percentile of the sorted values <c>x</c> is at
/// rank <c>h = p (n − 1)</c>, i.e. <c>x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])</c>. The standard
/// deviation is the population one (divides by <c>n</c>): the iterations are the whole run, not a
/// sample of it. Throughput is iterations per second of measured time, <c>n / (Σ ms / 1000)</c>,
/// so it excludes warm-up and the loop's own overhead.
/// </remarks>
public sealed record LatencyStatistics
{
    [JsonPropertyName("count")]
    public int Count { get; init; }

    [JsonPropertyName("min_ms")]
    public double MinMs { get; init; }

    [JsonPropertyName("mean_ms")]
    public double MeanMs { get; init; }

    [JsonPropertyName("p50_ms")]
    public double P50Ms { get; init; }

    [JsonPropertyName("p95_ms")]
    public double P95Ms { get; init; }

    [JsonPropertyName("p99_ms")]
    public double P99Ms { get; init; }

    [JsonPropertyName("max_ms")]
    public double MaxMs { get; init; }

    /// <summary>Population standard deviation.</summary>
    [JsonPropertyName("stddev_ms")]
    public double StdDevMs { get; init; }

    /// <summary>Sum of all latencies.</summary>
    [JsonPropertyName("total_ms")]
    public double TotalMs { get; init; }

    /// <summary>Iterations per second of measured time (0 when no time was measured).</summary>
    [JsonPropertyName("throughput_per_second")]
    public double ThroughputPerSecond { get; init; }

    /// <summary>The statistics of <paramref name="latenciesMs"/>; null when it is empty.</summary>
    /// <exception cref="ArgumentException">A value is negative, NaN or infinite.</exception>
    public static LatencyStatistics? From(IReadOnlyList<double> latenciesMs)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        if (latenciesMs.Count == 0)
        {
            return null;
        }

        var sorted = latenciesMs.ToArray();
        if (Array.Exists(sorted, static v => !double.IsFinite(v) || v < 0))
        {
            throw new ArgumentException("Latencies must be finite and non-negative.", nameof(latenciesMs));
        }

        Array.Sort(sorted);
        var total = sorted.Sum();
        var mean = total / sorted.Length;
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length;
        return new LatencyStatistics
        {
            Count = sorted.Length,
            MinMs = sorted[0],
            MeanMs = mean,
            P50Ms = Percentile(sorted, 0.50),
            P95Ms = Percentile(sorted, 0.95),
            P99Ms = Percentile(sorted, 0.99),
            MaxMs = sorted[^1],
            StdDevMs = Math.Sqrt(variance),
            TotalMs = total,
            ThroughputPerSecond = total > 0 ? sorted.Length / (total / 1000) : 0,
        };
    }

    /// <summary>The <paramref name="fraction"/> (0–1) percentile of ascending <paramref name="sorted"/>, linearly interpolated.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count, nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var rank = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
