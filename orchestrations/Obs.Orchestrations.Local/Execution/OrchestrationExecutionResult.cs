namespace Obs.Orchestrations.Local.Execution;

/// <summary>What one episode of an orchestrator decided.</summary>
public sealed record OrchestrationExecutionResult
{
    /// <summary>New activity calls and timers, in the order made (none already in history).</summary>
    public IReadOnlyList<OrchestratorAction> Actions { get; init; } = [];

    /// <summary>Null while the orchestrator still waits; Completed or Failed when it finished.</summary>
    public OrchestrationRuntimeStatus? Outcome { get; init; }

    /// <summary>JSON of the orchestrator's return value, when Completed.</summary>
    public string? Output { get; init; }

    /// <summary>Why it failed (its exception, or a non-determinism error), when Failed.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>JSON of the last custom status set, or null when never set.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Attributes the orchestrator set on its span (last value per key).</summary>
    public IReadOnlyDictionary<string, object?> SpanAttributes { get; init; } = new Dictionary<string, object?>();
}
