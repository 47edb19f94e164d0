namespace Obs.Orchestrations.Local.Storage;

/// <summary>Pending work: an activity to run or a timer to fire. Deleted in the same transaction that records its result.</summary>
/// <param name="Id">Row id, assigned by the store (0 before insert).</param>
/// <param name="InstanceId">The owning instance.</param>
/// <param name="Kind">Activity or timer.</param>
/// <param name="TaskId">The orchestrator's task id.</param>
/// <param name="Name">Activity name (null for timers).</param>
/// <param name="Input">Activity input JSON.</param>
/// <param name="DueAt">When a timer fires; when an activity was scheduled.</param>
public sealed record WorkItem(long Id, string InstanceId, WorkItemKind Kind, int TaskId, string? Name, string? Input, DateTimeOffset DueAt);

/// <summary>Kinds of pending work.</summary>
public enum WorkItemKind
{
    Activity = 1,
    Timer = 2,
}
