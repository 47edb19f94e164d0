using System.Diagnostics.Metrics;

namespace Obs.Telemetry.Metrics;

/// <summary>
/// The instruments behind the original design's dashboards (build duration p95, build success
/// rate, test coverage, failed tests, benchmark latency), exported with the traces' exporters.
/// Through the collector's Prometheus exporter they appear as <c>obs_build_duration_seconds_bucket</c>,
/// <c>obs_build_runs_total</c>, <c>obs_build_succeeded_total</c>, <c>obs_test_failed_total</c>,
/// <c>obs_test_coverage_percent</c> and <c>obs_benchmark_latency_milliseconds_bucket</c>.
/// </summary>
public static class ObsInstruments
{
    public const string BuildDurationName = "obs.build.duration";
    public const string BuildRunsName = "obs.build.runs";
    public const string BuildSucceededName = "obs.build.succeeded";
    public const string TestFailedName = "obs.test.failed";
    public const string TestCoverageName = "obs.test.coverage";
    public const string BenchmarkLatencyName = "obs.benchmark.latency";

    public static readonly Histogram<double> BuildDuration = ObsMeters.Build.CreateHistogram<double>(BuildDurationName, "s", "Duration of builds");

    public static readonly Counter<long> BuildRuns = ObsMeters.Build.CreateCounter<long>(BuildRunsName, "{build}", "Builds run");

    public static readonly Counter<long> BuildSucceeded = ObsMeters.Build.CreateCounter<long>(BuildSucceededName, "{build}", "Builds that succeeded");

    public static readonly Counter<long> TestFailed = ObsMeters.Test.CreateCounter<long>(TestFailedName, "{test}", "Failed (and errored) test cases");

    public static readonly Gauge<double> TestCoverage = ObsMeters.Test.CreateGauge<double>(TestCoverageName, "%", "Line coverage of the last test run");

    public static readonly Histogram<double> BenchmarkLatency = ObsMeters.Benchmark.CreateHistogram<double>(BenchmarkLatencyName, "ms", "Latency of benchmark iterations");
}
