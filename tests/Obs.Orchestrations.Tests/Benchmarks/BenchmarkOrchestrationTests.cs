using System.Diagnostics;
using Obs.Orchestrations.Benchmarks;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Tests.Benchmarks;

/// <summary>Benchmarks run through the real local engine: one activity, statistics on both spans.</summary>
public sealed class BenchmarkOrchestrationTests
{
    private static readonly string[] StatisticKeys =
    [
        AttributeKeys.Benchmark.Min, AttributeKeys.Benchmark.Mean, AttributeKeys.Benchmark.P50, AttributeKeys.Benchmark.P95,
        AttributeKeys.Benchmark.P99, AttributeKeys.Benchmark.Max, AttributeKeys.Benchmark.StdDev, AttributeKeys.Benchmark.Throughput,
    ];

    [Fact]
    public async Task Run_Command_StatisticsOnOrchestrationAndActivitySpans()
    {
        await using var harness = await BenchmarkHarness.StartAsync();

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest
        {
            Iterations = 5,
            Warmup = 1,
            Target = BenchmarkTarget.ForCommand("sh", "-c", "sleep 0.01"),
        });

        Assert.True(result.Success);
        Assert.Equal(0, result.Errors);
        var s = Assert.IsType<LatencyStatistics>(result.Statistics);
        Assert.Equal(5, s.Count);
        Assert.InRange(s.MinMs, 10, 5000);
        Assert.True(s.MinMs <= s.P50Ms && s.P50Ms <= s.P95Ms && s.P95Ms <= s.P99Ms && s.P99Ms <= s.MaxMs);
        Assert.InRange(s.ThroughputPerSecond, 0.2, 100);

        var orchestration = Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkPerformanceTest);
        var run = Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkRun);
        Assert.Equal(orchestration.SpanId, run.ParentSpanId);
        foreach (var span in (Activity[])[orchestration, run])
        {
            Assert.Equal(5, span.GetTagItem(AttributeKeys.Benchmark.Iterations));
            Assert.Equal(1, span.GetTagItem(AttributeKeys.Benchmark.Warmup));
            Assert.Equal("sh -c sleep 0.01", span.GetTagItem(AttributeKeys.Benchmark.Target));
            Assert.Equal(0, span.GetTagItem(AttributeKeys.Benchmark.Errors));
            foreach (var key in StatisticKeys)
            {
                Assert.IsType<double>(span.GetTagItem(key));
            }

            Assert.Equal(s.P95Ms, span.GetTagItem(AttributeKeys.Benchmark.P95));
        }

        Assert.Equal(ActivityStatusCode.Ok, run.Status);
        // One activity for the whole measurement, and no iteration spans unless asked for.
        Assert.Single(spans, a => a.GetTagItem(AttributeKeys.Obs.ActivityName) is not null);
        Assert.DoesNotContain(spans, a => a.DisplayName == SpanNames.BenchmarkIteration);
    }

    [Fact]
    public async Task Run_FailingCommand_CountsErrorsAndMarksActivitySpan()
    {
        await using var harness = await BenchmarkHarness.StartAsync();

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest
        {
            Iterations = 3,
            Warmup = 1,
            Target = BenchmarkTarget.ForCommand("sh", "-c", "exit 3"),
        });

        Assert.False(result.Success);
        Assert.Equal(3, result.Errors);
        Assert.Equal("exited with code 3", result.FirstError);
        Assert.Null(result.Statistics);
        var run = Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkRun);
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("iteration_failed", run.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(3, Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkPerformanceTest).GetTagItem(AttributeKeys.Benchmark.Errors));
    }

    [Fact]
    public async Task Run_PerIterationSpans_OneChildPerIterationWithDuration()
    {
        await using var harness = await BenchmarkHarness.StartAsync();

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest
        {
            Iterations = 4,
            Warmup = 2,
            PerIterationSpans = true,
            Target = BenchmarkTarget.ForCommand("sh", "-c", "echo \"$TRACEPARENT\" | grep -q '^00-'"),
        });

        Assert.Equal(0, result.Errors);
        var run = Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkRun);
        var iterations = spans.Where(a => a.DisplayName == SpanNames.BenchmarkIteration).OrderBy(a => (int)a.GetTagItem(AttributeKeys.Benchmark.IterationIndex)!).ToList();
        Assert.Equal(4, iterations.Count);
        Assert.All(iterations, i => Assert.Equal(run.SpanId, i.ParentSpanId));
        Assert.Equal([0, 1, 2, 3], iterations.Select(i => (int)i.GetTagItem(AttributeKeys.Benchmark.IterationIndex)!));
        Assert.All(iterations, i => Assert.True((double)i.GetTagItem(AttributeKeys.Benchmark.IterationDurationMs)! > 0));
    }

    [Fact]
    public async Task Run_Url_FetchesEveryIterationAndCountsNon2xxAsErrors()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        await using var harness = await BenchmarkHarness.StartAsync();

        var (ok, okSpans) = await harness.RunAsync(new BenchmarkRequest { Iterations = 20, Warmup = 3, Target = BenchmarkTarget.ForUrl(server.UrlOf("ok")) });
        var (failing, _) = await harness.RunAsync(new BenchmarkRequest { Iterations = 4, Warmup = 0, Target = BenchmarkTarget.ForUrl(server.UrlOf("fail")) });

        Assert.Equal(0, ok.Errors);
        Assert.Equal(20, ok.Statistics!.Count);
        Assert.True(ok.Statistics.ThroughputPerSecond > 0);
        Assert.Equal(server.UrlOf("ok"), Assert.Single(okSpans, a => a.DisplayName == SpanNames.BenchmarkPerformanceTest).GetTagItem(AttributeKeys.Benchmark.Target));
        Assert.Equal(4, failing.Errors);
        Assert.Equal("HTTP 500", failing.FirstError);
        Assert.Equal(20 + 3 + 4, server.Requests);
    }

    [Fact]
    public async Task Run_Builtin_ReportsSpansPerSecondAndNsPerSpan()
    {
        await using var harness = await BenchmarkHarness.StartAsync();

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest { Iterations = 10, Warmup = 2, Target = BenchmarkTarget.Builtin(500) });

        Assert.True(result.Success);
        Assert.True(result.SpansPerSecond > 0);
        Assert.True(result.NsPerSpan > 0);
        Assert.Equal(1e9, result.SpansPerSecond!.Value * result.NsPerSpan!.Value, 1e9 * 1e-6);
        var orchestration = Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkPerformanceTest);
        Assert.Equal(result.SpansPerSecond, orchestration.GetTagItem(AttributeKeys.Benchmark.SpansPerSecond));
        Assert.Equal("builtin", orchestration.GetTagItem(AttributeKeys.Benchmark.Target));
        // The measured spans go to their private provider only, not into this trace.
        Assert.DoesNotContain(spans, a => a.DisplayName == SpanNames.BenchmarkBuiltinSample);
    }

    [Fact]
    public async Task Run_InvalidRequest_ReturnsProblemsWithoutRunningAnything()
    {
        await using var harness = await BenchmarkHarness.StartAsync();

        var (result, spans) = await harness.RunAsync(new BenchmarkRequest { Iterations = 0, Target = new BenchmarkTarget { Kind = BenchmarkTargetKinds.Command } });

        Assert.False(result.Success);
        Assert.Equal(2, result.Problems!.Count);
        Assert.DoesNotContain(spans, a => a.DisplayName == SpanNames.BenchmarkRun);
        Assert.Equal("invalid_request", Assert.Single(spans, a => a.DisplayName == SpanNames.BenchmarkPerformanceTest).GetTagItem(AttributeKeys.Error.Type));
    }
}
