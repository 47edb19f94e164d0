using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>
/// The <c>Benchmark</c> orchestrator (span <c>benchmark.performance_test</c>): validates the request,
/// runs the whole measurement in ONE <c>RunBenchmark</c> activity (an activity per iteration would add
/// the engine's scheduling latency to every sample), copies the statistics onto its span, and hands
/// the result to <c>RecordBenchmarkMetrics</c>.
/// Replayed: only <see cref="TaskOrchestrationContext"/> calls, no I/O.
/// </summary>
public sealed class BenchmarkOrchestrator : TaskOrchestrator<BenchmarkRequest, BenchmarkResult>
{
    public override async Task<BenchmarkResult> RunAsync(TaskOrchestrationContext context, BenchmarkRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var result = await MeasureAsync(context, input).ConfigureAwait(true);
        await context.RecordMetricsAsync(BenchmarkOrchestration.RecordBenchmarkMetrics, result).ConfigureAwait(true);
        return result;
    }

    private static async Task<BenchmarkResult> MeasureAsync(TaskOrchestrationContext context, BenchmarkRequest input)
    {
        context.SetSpanAttribute(AttributeKeys.Benchmark.Iterations, input.Iterations);
        context.SetSpanAttribute(AttributeKeys.Benchmark.Warmup, input.Warmup);
        context.SetSpanAttribute(AttributeKeys.Benchmark.Target, input.Target?.Display());

        var problems = input.Validate();
        if (problems.Count > 0)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.InvalidRequest);
            return new BenchmarkResult
            {
                Target = input.Target?.Display() ?? string.Empty,
                Kind = input.Target?.Kind ?? string.Empty,
                Iterations = input.Iterations,
                Warmup = input.Warmup,
                Problems = problems,
            };
        }

        var result = await context.CallActivityAsync<BenchmarkResult>(BenchmarkOrchestration.RunBenchmark, input).ConfigureAwait(true);
        foreach (var (key, value) in BenchmarkAttributes.Of(result))
        {
            context.SetSpanAttribute(key, value);
        }

        if (!result.Success)
        {
            // Failed iterations are a failed outcome, as on the benchmark.run span below.
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.IterationFailed);
        }

        return result;
    }
}
