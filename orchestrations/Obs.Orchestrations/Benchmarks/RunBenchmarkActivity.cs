using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>
/// The <c>RunBenchmark</c> activity (span <c>benchmark.run</c>): runs the warm-up, then every measured
/// iteration timed with a monotonic clock, optionally each under a <c>benchmark.iteration</c> span, and
/// records the statistics on its span. Failed iterations are counted, not measured.
/// </summary>
public sealed class RunBenchmarkActivity : TaskActivity<BenchmarkRequest, BenchmarkResult>
{
    public override async Task<BenchmarkResult> RunAsync(TaskActivityContext context, BenchmarkRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var problems = input.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(input));
        }

        var span = context.Span;
        var target = input.Target;
        if (span is not null)
        {
            span.DisplayName = SpanNames.BenchmarkRun;
            span.SetTag(AttributeKeys.Benchmark.Iterations, input.Iterations);
            span.SetTag(AttributeKeys.Benchmark.Warmup, input.Warmup);
            span.SetTag(AttributeKeys.Benchmark.Target, target.Display());
        }

        var result = await MeasureAsync(input, context.CancellationToken).ConfigureAwait(false);
        if (span is not null)
        {
            foreach (var (key, value) in BenchmarkAttributes.Of(result))
            {
                span.SetTag(key, value);
            }

            if (result.Errors > 0)
            {
                span.SetError(ErrorTypes.IterationFailed, $"{result.Errors} of {result.Iterations} iterations failed; first: {result.FirstError}");
            }
            else
            {
                span.SetStatus(ActivityStatusCode.Ok);
            }
        }

        return result;
    }

    /// <summary>Runs <paramref name="request"/> (valid) without the engine: warm-up, then the measured iterations.</summary>
    public static async Task<BenchmarkResult> MeasureAsync(BenchmarkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var target = IterationTarget.Create(request.Target);
        for (var i = 0; i < request.Warmup; i++)
        {
            await target.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        var latencies = new List<double>(request.Iterations);
        var (errors, firstError) = (0, (string?)null);
        for (var i = 0; i < request.Iterations; i++)
        {
            using var iteration = request.PerIterationSpans
                ? ObsActivitySources.Benchmark.StartActivity(SpanNames.BenchmarkIteration)
                : null;
            var started = Stopwatch.GetTimestamp();
            var error = await target.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (iteration is not null)
            {
                iteration.SetTag(AttributeKeys.Benchmark.IterationIndex, i);
                iteration.SetTag(AttributeKeys.Benchmark.IterationDurationMs, elapsedMs);
                if (error is not null)
                {
                    iteration.SetError(ErrorTypes.IterationFailed, error);
                }
            }

            if (error is null)
            {
                latencies.Add(elapsedMs);
            }
            else
            {
                errors++;
                firstError ??= error;
            }
        }

        var statistics = LatencyStatistics.From(latencies);
        var builtin = request.Target.Kind == BenchmarkTargetKinds.Builtin && statistics is { TotalMs: > 0 };
        var spans = (double)request.Target.SpansPerIteration * (statistics?.Count ?? 0);
        return new BenchmarkResult
        {
            Target = request.Target.Display(),
            Kind = request.Target.Kind,
            Iterations = request.Iterations,
            Warmup = request.Warmup,
            Errors = errors,
            FirstError = firstError,
            Statistics = statistics,
            SpansPerSecond = builtin ? spans / (statistics!.TotalMs / 1000) : null,
            NsPerSpan = builtin ? statistics!.TotalMs * 1_000_000 / spans : null,
        };
    }
}
