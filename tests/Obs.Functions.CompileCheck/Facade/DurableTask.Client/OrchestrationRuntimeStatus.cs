// Facade (never shipped): microsoft/durabletask-dotnet src/Client/Core/OrchestrationRuntimeStatus.cs
namespace Microsoft.DurableTask.Client;

#pragma warning disable CA1008 // Values and order are Durable's (Running = 0).
public enum OrchestrationRuntimeStatus
#pragma warning restore CA1008
{
    Running,
    Completed,
    [Obsolete("The ContinuedAsNew status is obsolete and exists only for compatibility reasons.")]
    ContinuedAsNew,
    Failed,
    [Obsolete("The Canceled status is not currently used and exists only for compatibility reasons.")]
    Canceled,
    Terminated,
    Pending,
    Suspended,
}
