namespace Obs.Orchestrations.Local.History;

/// <summary>
/// One recorded step of an instance. History is append-only; the orchestrator is replayed
/// against it, so the same events in the same order always give the same decisions.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Timestamp">When (UTC); the replay clock (<c>CurrentUtcDateTime</c>) is the timestamp of the latest event processed.</param>
public sealed record HistoryEvent(HistoryEventKind Kind, DateTime Timestamp)
{
    /// <summary>Position in the instance's history, from 0; assigned by the store on append.</summary>
    public long Sequence { get; init; } = -1;

    /// <summary>The task (activity call or timer) this event belongs to; -1 for instance-level events.</summary>
    public int TaskId { get; init; } = -1;

    /// <summary>The orchestrator name (ExecutionStarted) or activity name (TaskScheduled).</summary>
    public string? Name { get; init; }

    /// <summary>JSON: the input (ExecutionStarted, TaskScheduled), result (TaskCompleted) or output (ExecutionCompleted, ExecutionTerminated).</summary>
    public string? Payload { get; init; }

    /// <summary>When a timer fires (TimerCreated, TimerFired).</summary>
    public DateTime? FireAt { get; init; }

    /// <summary>Why a task or the execution failed (TaskFailed, ExecutionFailed).</summary>
    public TaskFailureDetails? Failure { get; init; }
}

/// <summary>The kinds of history event.</summary>
public enum HistoryEventKind
{
    /// <summary>First event of every instance: name and input.</summary>
    ExecutionStarted = 1,

    /// <summary>An episode began; only moves the replay clock.</summary>
    OrchestratorStarted = 2,

    /// <summary>The orchestrator called an activity (TaskId, Name, Payload = input).</summary>
    TaskScheduled = 3,

    /// <summary>An activity returned (TaskId, Payload = result).</summary>
    TaskCompleted = 4,

    /// <summary>An activity threw (TaskId, Failure).</summary>
    TaskFailed = 5,

    /// <summary>The orchestrator created a durable timer (TaskId, FireAt).</summary>
    TimerCreated = 6,

    /// <summary>A durable timer fired (TaskId, FireAt).</summary>
    TimerFired = 7,

    /// <summary>The orchestrator returned (Payload = output).</summary>
    ExecutionCompleted = 8,

    /// <summary>The orchestrator threw (Failure).</summary>
    ExecutionFailed = 9,

    /// <summary>A client terminated the instance (Payload = output).</summary>
    ExecutionTerminated = 10,
}
