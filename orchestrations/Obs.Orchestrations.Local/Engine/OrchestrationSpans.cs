using System.Diagnostics;
using Obs.Orchestrations.Local.Storage;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>
/// The trace shape of an instance: one orchestration span per attempt, with an id fixed when the
/// attempt starts and emitted once when it ends; each activity span is its child. An attempt cut
/// short by a dead engine is emitted as abandoned, and the attempt that resumes links to the first.
/// </summary>
internal static class OrchestrationSpans
{
    public const string ResumedAfterCrash = "resumed_after_crash";

    /// <summary>Starts an activity's span as a child of the instance's orchestration span (and makes it current).</summary>
    public static Activity? StartActivity(OwnedInstance owned, WorkItem work) =>
        OrchestrationTrace.StartActivitySpan(work.Name ?? "activity", work.InstanceId, work.TaskId, owned.SpanContext);

    /// <summary>Emits the orchestration span of a finished instance.</summary>
    public static void EmitFinished(
        InstanceRecord record,
        string spanName,
        OrchestrationRuntimeStatus status,
        TaskFailureDetails? failure,
        IReadOnlyDictionary<string, object?> attributes,
        DateTimeOffset end)
    {
        var tags = OrchestrationTrace.FinishedTags(record.InstanceId, record.Name, status, record.Attempt, failure, attributes);
        var (code, description) = OrchestrationTrace.FinishedStatus(status, failure, attributes);
        CompletedSpanEmitter.Emit(ObsActivitySources.Orchestrations, Span(record, spanName, end, tags) with
        {
            Status = code,
            StatusDescription = description,
        });
    }

    /// <summary>Emits the span of an attempt whose engine stopped without finishing it.</summary>
    public static void EmitAbandoned(InstanceRecord record, string spanName, string? previousOwner, DateTimeOffset end)
    {
        var tags = OrchestrationTrace.BaseTags(record.InstanceId, record.Name, OrchestrationRuntimeStatus.Running, record.Attempt);
        tags.Add(new(AttributeKeys.Error.Type, "engine_lost"));
        CompletedSpanEmitter.Emit(ObsActivitySources.Orchestrations, Span(record, spanName, end, tags) with
        {
            Status = ActivityStatusCode.Error,
            StatusDescription = $"engine {previousOwner} stopped before the orchestration finished; resumed as attempt {record.Attempt + 1}",
        });
    }

    private static CompletedSpan Span(InstanceRecord record, string spanName, DateTimeOffset end, List<KeyValuePair<string, object?>> tags)
    {
        var traceId = ActivityTraceId.CreateFromString(record.TraceId);
        ActivityLink[] links = record.Attempt > 1 && record.FirstSpanId != record.SpanId
            ?
            [
                new ActivityLink(
                    new ActivityContext(traceId, ActivitySpanId.CreateFromString(record.FirstSpanId), ActivityTraceFlags.Recorded),
                    new ActivityTagsCollection { [AttributeKeys.Obs.LinkReason] = ResumedAfterCrash }),
            ]
            : [];
        return new CompletedSpan
        {
            Name = spanName,
            TraceId = traceId,
            SpanId = ActivitySpanId.CreateFromString(record.SpanId),
            ParentSpanId = record.ParentSpanId is null ? default : ActivitySpanId.CreateFromString(record.ParentSpanId),
            TraceFlags = record.Sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            TraceState = record.TraceState,
            StartTime = record.AttemptStartedAt,
            EndTime = end < record.AttemptStartedAt ? record.AttemptStartedAt : end,
            Tags = tags,
            Links = links,
        };
    }
}
