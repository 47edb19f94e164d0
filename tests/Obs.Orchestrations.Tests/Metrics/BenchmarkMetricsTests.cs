using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Tests.Benchmarks;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;

namespace Obs.Orchestrations.Tests.Metrics;

/// <summary>A benchmark run on the local engine records its latency once, from its last, untraced activity.</summary>
public sealed class BenchmarkMetricsTests
{
    [Fact]
    public async Task Run_CommandTarget_RecordsTheMedianLatencyOnceAndLeavesNoMetricsSpan()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await BenchmarkHarness.StartAsync();
        // The extra argument (sh's $0) makes the target, the instrument's tag, this test's own.
        var target = BenchmarkTarget.ForCommand("sh", "-c", "true", Guid.NewGuid().ToString("N"));

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest { Iterations = 5, Warmup = 0, Target = target });

        var latency = Assert.Single(metrics.Of(ObsInstruments.BenchmarkLatencyName, AttributeKeys.Benchmark.Target, target.Display()));
        Assert.Equal(result.Statistics!.P50Ms, latency.Value);
        Assert.DoesNotContain(spans, s => s.DisplayName == BenchmarkOrchestration.RecordBenchmarkMetrics);
    }

    [Fact]
    public async Task Run_EveryIterationFails_RecordsNoLatency()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await BenchmarkHarness.StartAsync();
        var target = BenchmarkTarget.ForCommand("sh", "-c", "exit 3", Guid.NewGuid().ToString("N"));

        var (result, _) = await harness.RunAsync(new BenchmarkRequest { Iterations = 2, Warmup = 0, Target = target });

        Assert.Null(result.Statistics);
        Assert.Empty(metrics.Of(ObsInstruments.BenchmarkLatencyName, AttributeKeys.Benchmark.Target, target.Display()));
    }
}
