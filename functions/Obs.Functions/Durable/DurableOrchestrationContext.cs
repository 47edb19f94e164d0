using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Obs.Orchestrations;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableTaskFailedException = Microsoft.DurableTask.TaskFailedException;

namespace Obs.Functions.Durable;

/// <summary>
/// The Obs orchestration contract over Durable's <see cref="DurableContext"/>: every member delegates, so
/// Durable's replay, history and timers apply as they are. Durable's <c>TaskFailedException</c> surfaces as
/// Obs's, with the same task name, id and failure details.
/// </summary>
/// <remarks>
/// <see cref="SetSpanAttribute"/>: Durable emits the orchestration span itself (<c>orchestration:{name}</c>,
/// host.json <c>tracing.version = V2</c>), and the worker offers no handle on it. The attribute goes on
/// <see cref="Activity.Current"/> — the worker's span for this orchestrator episode, a child of Durable's
/// orchestration span — and only when not replaying, so each value is recorded once, on the episode
/// that set it, never duplicated by replays.
/// </remarks>
public sealed class DurableOrchestrationContext : TaskOrchestrationContext
{
    private readonly DurableContext _inner;

    public DurableOrchestrationContext(DurableContext inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public override string Name => _inner.Name.Name;

    public override string InstanceId => _inner.InstanceId;

    public override bool IsReplaying => _inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => _inner.CurrentUtcDateTime;

    public override Guid NewGuid() => _inner.NewGuid();

    public override T? GetInput<T>() where T : default => _inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CallAsync(_inner.CallActivityAsync<TResult>(name, input, DurableMappings.ToDurable(options)));
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => _inner.CreateTimer(fireAt, cancellationToken);

    public override void SetCustomStatus(object? customStatus) => _inner.SetCustomStatus(customStatus);

    public override ILogger CreateReplaySafeLogger(string categoryName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryName);
        return _inner.CreateReplaySafeLogger(categoryName);
    }

    public override void SetSpanAttribute(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!_inner.IsReplaying)
        {
            Activity.Current?.SetTag(key, value);
        }
    }

    private static async Task<TResult> CallAsync<TResult>(Task<TResult> call)
    {
        try
        {
            // Orchestrator code must resume on Durable's orchestration thread.
            return await call.ConfigureAwait(true);
        }
        catch (DurableTaskFailedException failed)
        {
            throw new Obs.Orchestrations.TaskFailedException(failed.TaskName, failed.TaskId, DurableMappings.ToObs(failed.FailureDetails)!);
        }
    }
}
