namespace Obs.Orchestrations;

/// <summary>A page of instances by status and creation time (Durable's <c>OrchestrationQuery</c>).</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Only these statuses; all when null or empty.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only ids starting with this.</summary>
    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>From the previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
