using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>Test</c> orchestrator (span <c>test.suite.execute</c>): discovers the targets, runs one
/// <c>RunTestTarget</c> activity per target (all at once when <see cref="TestRunRequest.Parallel"/>,
/// the engine bounding concurrency; else one after another), for pytest with coverage combines every
/// file's coverage data once (<c>CombinePytestCoverage</c>), records the totals on the
/// orchestration span, and hands the result to <c>RecordTestMetrics</c>. Replayed: only <see cref="TaskOrchestrationContext"/> calls, no I/O.
/// </summary>
public sealed class TestOrchestrator : TaskOrchestrator<TestRunRequest, TestRunResult>
{
    public override async Task<TestRunResult> RunAsync(TaskOrchestrationContext context, TestRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var result = await RunTestsAsync(context, input).ConfigureAwait(true);
        await context.RecordMetricsAsync(TestOrchestration.RecordTestMetrics, result).ConfigureAwait(true);
        return result;
    }

    private static async Task<TestRunResult> RunTestsAsync(TaskOrchestrationContext context, TestRunRequest input)
    {
        var started = context.CurrentUtcDateTime;
        context.SetSpanAttribute(AttributeKeys.Test.Framework, input.Framework);

        if (input.Validate() is { Count: > 0 } problems)
        {
            return Finish(context, input, started, [], string.Join("; ", problems));
        }

        var discovery = await context.CallActivityAsync<TestTargetDiscovery>(TestOrchestration.DiscoverTestTargets, input).ConfigureAwait(true);
        if (discovery.Error is not null || discovery.Targets.Count == 0)
        {
            return Finish(context, input, started, [], discovery.Error ?? $"no {input.Framework} tests found under {input.Path}");
        }

        var results = new List<TestTargetResult>();
        if (input.Parallel)
        {
            results.AddRange(await Task.WhenAll(discovery.Targets.Select(t => RunTargetAsync(context, input, t))).ConfigureAwait(true));
        }
        else
        {
            foreach (var target in discovery.Targets)
            {
                results.Add(await RunTargetAsync(context, input, target).ConfigureAwait(true));
            }
        }

        var combined = input.Coverage && input.Framework == TestFramework.Pytest
            ? await CombineCoverageAsync(context, new CoverageCombineInput(input, discovery.Targets)).ConfigureAwait(true)
            : null;
        return Finish(context, input, started, results, null, combined);
    }

    /// <summary>The pytest files' coverage combined; a failed combine is a run without a percentage, not a failed run.</summary>
    private static async Task<TestTargetResult> CombineCoverageAsync(TaskOrchestrationContext context, CoverageCombineInput input)
    {
        try
        {
            return await context.CallActivityAsync<TestTargetResult>(TestOrchestration.CombinePytestCoverage, input).ConfigureAwait(true);
        }
        catch (TaskFailedException ex)
        {
            return new TestTargetResult { Target = CombinePytestCoverageActivity.Target, Error = ex.Message };
        }
    }

    /// <summary>Every problem that makes <paramref name="request"/> unrunnable (<see cref="TestRunRequest.Validate"/>); empty when it can run.</summary>
    public static IReadOnlyList<string> Validate(TestRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Validate();
    }

    private static async Task<TestTargetResult> RunTargetAsync(TaskOrchestrationContext context, TestRunRequest request, string target)
    {
        try
        {
            return await context.CallActivityAsync<TestTargetResult>(TestOrchestration.RunTestTarget, new TestTargetInput(request, target)).ConfigureAwait(true);
        }
        catch (TaskFailedException ex)
        {
            // The activity itself failed (not the tests): the target failed.
            return new TestTargetResult { Target = target, Error = ex.Message };
        }
    }

    private static TestRunResult Finish(TaskOrchestrationContext context, TestRunRequest request, DateTime started, List<TestTargetResult> targets, string? error, TestTargetResult? combined = null)
    {
        var result = new TestRunResult
        {
            Framework = request.Framework,
            Success = error is null && targets.All(t => t.Succeeded),
            Total = targets.Sum(t => t.Total),
            Passed = targets.Sum(t => t.Passed),
            Failed = targets.Sum(t => t.Failed),
            Skipped = targets.Sum(t => t.Skipped),
            Errors = targets.Sum(t => t.Errors),
            // pytest's files are combined by coverage.py (the union of their lines); other frameworks' targets are summed.
            CoveragePercentage = !request.Coverage ? null : combined is not null ? combined.CoveragePercentage : Coverage(targets),
            DurationSeconds = (context.CurrentUtcDateTime - started).TotalSeconds,
            Error = error,
            Targets = targets,
            Failures = [.. targets.SelectMany(t => t.Failures)],
        };

        context.SetSpanAttribute(AttributeKeys.Test.SuiteTotal, result.Total);
        context.SetSpanAttribute(AttributeKeys.Test.SuitePassed, result.Passed);
        context.SetSpanAttribute(AttributeKeys.Test.SuiteFailed, result.Failed);
        context.SetSpanAttribute(AttributeKeys.Test.SuiteSkipped, result.Skipped);
        context.SetSpanAttribute(AttributeKeys.Test.SuiteErrors, result.Errors);
        context.SetSpanAttribute(AttributeKeys.Test.SuiteDuration, result.DurationSeconds);
        context.SetSpanAttribute(AttributeKeys.Test.SuiteRunStatus, result.Success ? "success" : "failure");
        if (!result.Success && result.Error is null)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.TestsFailed);
        }

        if (result.CoveragePercentage is { } coverage)
        {
            context.SetSpanAttribute(AttributeKeys.Test.CoveragePercentage, coverage);
        }

        if (error is not null)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.TestRunError);
        }

        return result;
    }

    /// <summary>Covered over valid lines summed across targets; the mean percentage when a report lacks line counts.</summary>
    private static double? Coverage(List<TestTargetResult> targets)
    {
        var measured = targets.Where(t => t.CoveragePercentage is not null).ToList();
        if (measured.Count == 0)
        {
            return null;
        }

        if (measured.All(t => t.LinesCovered is not null && t.LinesValid is > 0))
        {
            double covered = measured.Sum(t => t.LinesCovered!.Value);
            double valid = measured.Sum(t => t.LinesValid!.Value);
            return Math.Round(covered / valid * 100, 2);
        }

        return Math.Round(measured.Average(t => t.CoveragePercentage!.Value), 2);
    }
}
