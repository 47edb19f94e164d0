namespace Obs.Orchestrations;

/// <summary>An instance as a client sees it (Durable's <c>OrchestrationMetadata</c>).</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>JSON; only when inputs and outputs were requested.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>JSON; only when inputs and outputs were requested.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>JSON set by <see cref="TaskOrchestrationContext.SetCustomStatus"/>.</summary>
    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted => RuntimeStatus.IsTerminal();
}
