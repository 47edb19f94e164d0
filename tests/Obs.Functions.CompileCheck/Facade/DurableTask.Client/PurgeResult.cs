// Facade (never shipped): microsoft/durabletask-dotnet src/Client/Core/PurgeResult.cs
namespace Microsoft.DurableTask.Client;

public class PurgeResult
{
    public PurgeResult(int count) => PurgedInstanceCount = count;

    public PurgeResult(int count, bool? isComplete)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        PurgedInstanceCount = count;
        IsComplete = isComplete;
    }

    public int PurgedInstanceCount { get; }

    public bool? IsComplete { get; }
}
