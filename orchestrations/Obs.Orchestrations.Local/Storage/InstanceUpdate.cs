namespace Obs.Orchestrations.Local.Storage;

/// <summary>How an episode changes its instance row (committed with its history and work in one transaction).</summary>
public sealed record InstanceUpdate
{
    public OrchestrationRuntimeStatus Status { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The history length after this commit.</summary>
    public int ReplayedThrough { get; init; }
}
