using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;

namespace Obs.Orchestrations;

/// <summary>
/// Records an orchestration's outcome on the dashboard instruments. The orchestrations' final,
/// untraced <c>Record*Metrics</c> activities call it, once per finished instance, whichever host
/// runs them: orchestrator code replays and must never record metrics itself.
/// </summary>
public static class ObsMetricsRecorder
{
    public static void RecordBuild(BuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = new KeyValuePair<string, object?>(AttributeKeys.Cicd.PipelineName, result.Name ?? "build");
        ObsInstruments.BuildRuns.Add(1, tags);
        if (result.Success)
        {
            ObsInstruments.BuildSucceeded.Add(1, tags);
        }

        ObsInstruments.BuildDuration.Record(result.DurationSeconds, tags, new(AttributeKeys.Cicd.PipelineResult, result.Success ? "success" : "failure"));
    }

    public static void RecordTestRun(TestRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = new KeyValuePair<string, object?>(AttributeKeys.Test.Framework, result.Framework);
        ObsInstruments.TestFailed.Add(result.Failed + result.Errors, tags);
        if (result.CoveragePercentage is { } coverage)
        {
            ObsInstruments.TestCoverage.Record(coverage, tags);
        }
    }

    /// <summary>The run's median latency, when any iteration succeeded; nothing for an invalid or wholly failed run.</summary>
    public static void RecordBenchmark(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Statistics is { } statistics)
        {
            ObsInstruments.BenchmarkLatency.Record(statistics.P50Ms, new KeyValuePair<string, object?>(AttributeKeys.Benchmark.Target, result.Target));
        }
    }
}
