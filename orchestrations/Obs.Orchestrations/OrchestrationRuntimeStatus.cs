namespace Obs.Orchestrations;

/// <summary>Durable's runtime status values, with the same names.</summary>
public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    Failed = 3,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
}

/// <summary>Status helpers.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Completed, Failed or Terminated: nothing more will happen to the instance.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
