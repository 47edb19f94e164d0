namespace Obs.Orchestrations.Benchmarks;

/// <summary>
/// The <c>RecordBenchmarkMetrics</c> activity, the benchmark's last and untraced: records the run's
/// latency on the benchmark instrument. Returns whether it recorded anything.
/// </summary>
public sealed class RecordBenchmarkMetricsActivity : TaskActivity<BenchmarkResult, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BenchmarkResult input)
    {
        if (input?.Statistics is null)
        {
            return Task.FromResult(false);
        }

        ObsMetricsRecorder.RecordBenchmark(input);
        return Task.FromResult(true);
    }
}
