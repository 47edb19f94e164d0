using Microsoft.Extensions.Logging;

namespace Obs.Orchestrations;

/// <summary>
/// What orchestrator code sees. Members are named after Durable Task's
/// <c>Microsoft.DurableTask.TaskOrchestrationContext</c>, so the Durable adapter maps each in one line.
/// Orchestrator code is replayed: it must take time, ids, input and results only from here, never
/// from the clock, <c>Guid.NewGuid</c>, I/O, environment, <c>Task.Run</c>/<c>Task.Delay</c> or spans.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestration's name as registered.</summary>
    public abstract string Name { get; }

    /// <summary>The instance being run.</summary>
    public abstract string InstanceId { get; }

    /// <summary>True while the code re-executes steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>A replay-safe clock: the time recorded for the current step.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>A replay-safe, deterministic GUID (the same on every replay).</summary>
    public abstract Guid NewGuid();

    /// <summary>The orchestration's input, deserialized.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result; failures throw <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity whose result is not needed.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>A durable timer: survives restarts, fires at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/> from <see cref="CurrentUtcDateTime"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Sets the status callers see in <see cref="OrchestrationMetadata.SerializedCustomStatus"/>.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A logger that writes nothing while replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>
    /// Sets an attribute on the orchestration span (the span every activity span is a child of).
    /// Replay-safe: the span is emitted once, at completion, with the values set last.
    /// </summary>
    public abstract void SetSpanAttribute(string key, object? value);
}
