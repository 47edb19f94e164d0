using System.Diagnostics;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations;

/// <summary>
/// The trace shape every engine gives an instance, in one place: each activity span is a direct child of
/// the orchestration span, and the orchestration span carries the same attributes and status whether the
/// local engine or Durable ran it.
/// </summary>
public static class OrchestrationTrace
{
    /// <summary>Starts an activity's span (and makes it current) as a child of the orchestration span <paramref name="parent"/>.</summary>
    public static Activity? StartActivitySpan(string activityName, string instanceId, int taskId, ActivityContext parent) =>
        ObsActivitySources.Orchestrations.StartActivity(
            activityName,
            ActivityKind.Internal,
            parent,
            [
                new(AttributeKeys.Obs.OrchestrationInstanceId, instanceId),
                new(AttributeKeys.Obs.ActivityName, activityName),
                new(AttributeKeys.Obs.ActivityTaskId, taskId),
            ]);

    /// <summary>
    /// The attributes of a finished orchestration span: instance, name, status, attempt, then what the
    /// orchestrator set, then <c>error.type</c> of the failure that ended it (<c>terminated</c> for a terminated instance).
    /// </summary>
    public static List<KeyValuePair<string, object?>> FinishedTags(
        string instanceId,
        string orchestrationName,
        OrchestrationRuntimeStatus status,
        int attempt,
        TaskFailureDetails? failure,
        IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var tags = BaseTags(instanceId, orchestrationName, status, attempt);
        foreach (var (key, value) in attributes)
        {
            tags.Add(new(key, value));
        }

        if (failure is not null)
        {
            tags.Add(new(AttributeKeys.Error.Type, failure.ErrorType));
        }
        else if (status == OrchestrationRuntimeStatus.Terminated && !attributes.ContainsKey(AttributeKeys.Error.Type))
        {
            tags.Add(new(AttributeKeys.Error.Type, ErrorTypes.Terminated));
        }

        return tags;
    }

    /// <summary>The attributes every orchestration span starts with.</summary>
    public static List<KeyValuePair<string, object?>> BaseTags(string instanceId, string orchestrationName, OrchestrationRuntimeStatus status, int attempt) =>
    [
        new(AttributeKeys.Obs.OrchestrationInstanceId, instanceId),
        new(AttributeKeys.Obs.OrchestrationName, orchestrationName),
        new(AttributeKeys.Obs.OrchestrationStatus, status.ToString()),
        new(AttributeKeys.Obs.OrchestrationAttempt, attempt),
    ];

    /// <summary>
    /// The status of a finished orchestration span. An orchestrator reports a failed outcome it returned
    /// normally (a failed build) by setting <c>error.type</c>, as the semantic conventions do: the span is
    /// then an error too.
    /// </summary>
    public static (ActivityStatusCode Code, string? Description) FinishedStatus(
        OrchestrationRuntimeStatus status,
        TaskFailureDetails? failure,
        IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var failedOutcome = attributes.ContainsKey(AttributeKeys.Error.Type);
        var code = status == OrchestrationRuntimeStatus.Completed && !failedOutcome ? ActivityStatusCode.Ok : ActivityStatusCode.Error;
        var description = failure is null
            ? (status == OrchestrationRuntimeStatus.Terminated ? ErrorTypes.Terminated : null)
            : $"{failure.ErrorType}: {failure.ErrorMessage}";
        return (code, description);
    }
}
