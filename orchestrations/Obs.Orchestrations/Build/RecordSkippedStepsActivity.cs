using System.Diagnostics;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>RecordSkippedSteps</c> activity: a zero-length <c>build.step.&lt;name&gt;</c> span per step that never
/// ran (<c>build.step.status = skipped</c>, with the reason), beside the steps that did under <c>build.execute</c>,
/// so the trace shows the whole build. Returns how many spans it left.
/// </summary>
public sealed class RecordSkippedStepsActivity : TaskActivity<SkippedStepsInput, int>
{
    public const string Skipped = "skipped";

    /// <summary>The semantic conventions' <c>cicd.pipeline.task.run.result</c> for a task that did not run.</summary>
    public const string SemconvSkip = "skip";

    public override Task<int> RunAsync(TaskActivityContext context, SkippedStepsInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (context.Span is not { } span)
        {
            return Task.FromResult(0);
        }

        span.DisplayName = SpanNames.BuildSkippedSteps;
        // Siblings of this activity's span: children of the orchestration span, like the steps that ran.
        var parent = new ActivityContext(span.TraceId, span.ParentSpanId, span.ActivityTraceFlags, isRemote: true);
        var now = DateTimeOffset.UtcNow;
        var count = 0;
        foreach (var step in input.Steps)
        {
            using var skipped = ObsActivitySources.Build.StartActivity(SpanNames.BuildStep(step.Name), ActivityKind.Internal, parent, startTime: now,
                tags:
                [
                    new(AttributeKeys.Build.StepName, step.Name),
                    new(AttributeKeys.Build.StepStatus, Skipped),
                    new(AttributeKeys.Build.StepSkipReason, step.Error),
                    new(AttributeKeys.Cicd.TaskName, step.Name),
                    new(AttributeKeys.Cicd.TaskRunResult, SemconvSkip),
                ]);
            skipped?.SetEndTime(now.UtcDateTime);
            count += skipped is null ? 0 : 1;
        }

        span.SetTag(AttributeKeys.Build.StepsCount, count);
        return Task.FromResult(count);
    }
}
