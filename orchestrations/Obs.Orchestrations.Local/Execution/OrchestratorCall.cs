using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// One call the orchestrator code made in this episode (an activity or a timer), under its task id.
/// Its task is a <see cref="TaskCompletionSource"/> created with <see cref="TaskCreationOptions.None"/>
/// on purpose: the executor completes it on the replay thread with the <see cref="ReplaySynchronizationContext"/>
/// current, so awaiting code resumes inline right there (no queue hop), and even code that awaits with
/// <c>ConfigureAwait(false)</c> resumes on the replay thread instead of escaping to the thread pool, which
/// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/> would make it do. The price is
/// re-entrancy: completing a call runs orchestrator code (which may make new calls) before returning,
/// so the executor finishes its own bookkeeping before it completes one.
/// </summary>
internal abstract class OrchestratorCall
{
    protected OrchestratorCall(int taskId) => TaskId = taskId;

    /// <summary>The call's position among the episode's calls (activities and timers share the numbering).</summary>
    public int TaskId { get; }

    /// <summary>True once history showed this call was already made (its TaskScheduled or TimerCreated).</summary>
    public bool IsRecorded { get; set; }

    /// <summary>The call as code would write it, for non-determinism messages.</summary>
    public abstract string Description { get; }

    /// <summary>True when the recorded TaskScheduled / TimerCreated is this same call.</summary>
    public abstract bool Matches(HistoryEvent scheduled);

    /// <summary>The action that asks the engine to carry out this call.</summary>
    public abstract OrchestratorAction ToAction();

    /// <summary>How history names a recorded call: the same shape as <see cref="Description"/>.</summary>
    public static string Describe(HistoryEvent scheduled) => scheduled.Kind switch
    {
        HistoryEventKind.TaskScheduled => ActivityCall.Describe(scheduled.Name),
        HistoryEventKind.TimerCreated => TimerCall.Describe(),
        _ => scheduled.Kind.ToString(),
    };
}
