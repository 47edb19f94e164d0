namespace Obs.Orchestrations.Local.Execution;

/// <summary>A new decision the orchestrator made in an episode: the engine records and carries it out.</summary>
/// <param name="TaskId">The task's id: calls and timers are numbered 0, 1, 2… in the order the code makes them.</param>
public abstract record OrchestratorAction(int TaskId);

/// <summary>Run activity <paramref name="Name"/> with <paramref name="Input"/> (JSON).</summary>
public sealed record ScheduleTaskAction(int TaskId, string Name, string? Input) : OrchestratorAction(TaskId);

/// <summary>Fire a durable timer at <paramref name="FireAt"/> (UTC).</summary>
public sealed record CreateTimerAction(int TaskId, DateTime FireAt) : OrchestratorAction(TaskId);
