// Facade (never shipped): microsoft/durabletask-dotnet src/Client/Core/OrchestrationQuery.cs
// Namespace Microsoft.DurableTask.Client per the published API reference (learn.microsoft.com
// dotnet/api/microsoft.durabletask.client.orchestrationquery).
namespace Microsoft.DurableTask.Client;

#pragma warning disable CA1707, IDE1006 // Positional parameters are PascalCase in the real record.
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
#pragma warning restore CA1707, IDE1006
{
    public const int DefaultPageSize = 100;
}
