namespace Obs.Orchestrations;

/// <summary>
/// Starts and manages orchestration instances. Members are named after Durable Task's
/// <c>Microsoft.DurableTask.Client.DurableTaskClient</c>.
/// </summary>
public abstract class OrchestrationClient
{
    /// <summary>Schedules a new instance and returns its id.</summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);

    /// <summary>The instance, or null when unknown.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Terminates a running instance: its running activities are cancelled.</summary>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Removes a finished instance and its history.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Removes finished instances matching <paramref name="filter"/>.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);

    /// <summary>One page of instances.</summary>
    public abstract Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default);
}
