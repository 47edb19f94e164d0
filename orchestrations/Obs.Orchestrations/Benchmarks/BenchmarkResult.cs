using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>The output of the <c>Benchmark</c> orchestration.</summary>
public sealed record BenchmarkResult
{
    /// <summary>What <c>benchmark.target</c> records.</summary>
    [JsonPropertyName("target")]
    public string Target { get; init; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = string.Empty;

    [JsonPropertyName("iterations")]
    public int Iterations { get; init; }

    [JsonPropertyName("warmup")]
    public int Warmup { get; init; }

    /// <summary>Measured iterations that failed; they are left out of <see cref="Statistics"/>.</summary>
    [JsonPropertyName("errors")]
    public int Errors { get; init; }

    /// <summary>Why the first failed iteration failed.</summary>
    [JsonPropertyName("first_error")]
    public string? FirstError { get; init; }

    /// <summary>Statistics of the successful measured iterations; null when none succeeded (or the request was invalid).</summary>
    [JsonPropertyName("statistics")]
    public LatencyStatistics? Statistics { get; init; }

    /// <summary>Builtin target: spans created and ended per second of measured time.</summary>
    [JsonPropertyName("spans_per_second")]
    public double? SpansPerSecond { get; init; }

    /// <summary>Builtin target: nanoseconds per span.</summary>
    [JsonPropertyName("ns_per_span")]
    public double? NsPerSpan { get; init; }

    /// <summary>Problems with the request (nothing ran when there are any).</summary>
    [JsonPropertyName("problems")]
    public IReadOnlyList<string>? Problems { get; init; }

    /// <summary>True when the request was valid, and at least one iteration ran and none failed.</summary>
    [JsonIgnore]
    public bool Success => Problems is not { Count: > 0 } && Errors == 0 && Statistics is not null;
}
