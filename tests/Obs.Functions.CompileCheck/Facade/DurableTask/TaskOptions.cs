// Facade (never shipped): microsoft/durabletask-dotnet src/Abstractions/TaskOptions.cs
// (TaskOptions and StartOrchestrationOptions share that file in the real source.)
namespace Microsoft.DurableTask;

public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry)
        : this(retry, null)
    {
    }

    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    public TaskRetryOptions? Retry { get; init; }

    public IDictionary<string, string>? Tags { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

public record StartOrchestrationOptions
{
#pragma warning disable CA1707, IDE1006 // The real record keeps PascalCase parameters for positional compatibility.
    public StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
#pragma warning restore CA1707, IDE1006
    {
        this.InstanceId = InstanceId;
        this.StartAt = StartAt;
    }

    public string? InstanceId { get; init; }

    public DateTimeOffset? StartAt { get; init; }
}
