using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>The result attributes both benchmark spans carry (the activity's and the orchestration's).</summary>
internal static class BenchmarkAttributes
{
    public static IEnumerable<KeyValuePair<string, object?>> Of(BenchmarkResult result)
    {
        yield return new(AttributeKeys.Benchmark.Errors, result.Errors);
        if (result.Statistics is { } s)
        {
            yield return new(AttributeKeys.Benchmark.Min, s.MinMs);
            yield return new(AttributeKeys.Benchmark.Mean, s.MeanMs);
            yield return new(AttributeKeys.Benchmark.P50, s.P50Ms);
            yield return new(AttributeKeys.Benchmark.P95, s.P95Ms);
            yield return new(AttributeKeys.Benchmark.P99, s.P99Ms);
            yield return new(AttributeKeys.Benchmark.Max, s.MaxMs);
            yield return new(AttributeKeys.Benchmark.StdDev, s.StdDevMs);
            yield return new(AttributeKeys.Benchmark.Throughput, s.ThroughputPerSecond);
        }

        if (result.SpansPerSecond is { } spansPerSecond)
        {
            yield return new(AttributeKeys.Benchmark.SpansPerSecond, spansPerSecond);
        }

        if (result.NsPerSpan is { } nsPerSpan)
        {
            yield return new(AttributeKeys.Benchmark.NsPerSpan, nsPerSpan);
        }
    }
}
