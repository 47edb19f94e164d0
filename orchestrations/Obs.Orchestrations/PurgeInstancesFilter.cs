namespace Obs.Orchestrations;

/// <summary>Which finished instances to purge (Durable's <c>PurgeInstancesFilter</c>).</summary>
/// <param name="CreatedFrom">Created at or after (null: no lower bound).</param>
/// <param name="CreatedTo">Created before (null: no upper bound).</param>
/// <param name="Statuses">Only these statuses; terminal ones when null. Running instances are never purged.</param>
public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>How many instances a purge removed.</summary>
public sealed record PurgeResult(int PurgedInstanceCount);
