using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>The benchmark orchestration's names and its registration.</summary>
public static class BenchmarkOrchestration
{
    /// <summary>The orchestrator's name: start instances with it and a <see cref="BenchmarkRequest"/>.</summary>
    public const string Name = "Benchmark";
    public const string RunBenchmark = "RunBenchmark";

    /// <summary>The last, untraced activity: records the run's metrics.</summary>
    public const string RecordBenchmarkMetrics = "RecordBenchmarkMetrics";

    /// <summary>
    /// Registers the <c>Benchmark</c> orchestrator (span <c>benchmark.performance_test</c>), its
    /// <c>RunBenchmark</c> and <c>RecordBenchmarkMetrics</c> activities and <see cref="BenchmarkJsonContext"/>.
    /// </summary>
    public static OrchestrationRegistry Register(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddJsonTypeInfoResolver(BenchmarkJsonContext.Default)
            .AddOrchestrator(Name, static () => new BenchmarkOrchestrator(), SpanNames.BenchmarkPerformanceTest)
            .AddActivity(RunBenchmark, static () => new RunBenchmarkActivity())
            .AddUntracedActivity(RecordBenchmarkMetrics, static () => new RecordMetricsActivity<BenchmarkResult>(ObsMetricsRecorder.RecordBenchmark));
    }
}
