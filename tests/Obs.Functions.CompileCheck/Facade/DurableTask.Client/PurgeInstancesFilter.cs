// Facade (never shipped): microsoft/durabletask-dotnet src/Client/Core/PurgeInstancesFilter.cs
// and src/Client/Core/PurgeInstanceOptions.cs (present only as an overload parameter type).
namespace Microsoft.DurableTask.Client;

#pragma warning disable CA1707, IDE1006 // Positional parameters are PascalCase in the real record.
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);
#pragma warning restore CA1707, IDE1006

public record PurgeInstanceOptions;
