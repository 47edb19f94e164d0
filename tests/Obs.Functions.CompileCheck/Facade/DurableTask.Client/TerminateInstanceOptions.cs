// Facade (never shipped): microsoft/durabletask-dotnet src/Client/Core/TerminateInstanceOptions.cs
namespace Microsoft.DurableTask.Client;

public record TerminateInstanceOptions
{
    public TerminateInstanceOptions(object? output = null, bool recursive = true)
    {
        Output = output;
        Recursive = recursive;
    }

    public object? Output { get; init; }

    public bool Recursive { get; init; }
}
