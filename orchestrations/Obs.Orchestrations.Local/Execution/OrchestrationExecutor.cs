using Microsoft.Extensions.Logging;
using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// Runs one episode of an orchestrator by replaying its history (Durable Task style): the code is
/// started afresh, every recorded event is delivered to it in order, and the calls it makes are
/// matched against the recorded ones; what is left over are the episode's new decisions.
/// </summary>
/// <remarks>
/// The orchestrator runs synchronously on the calling thread inside a private
/// <see cref="SynchronizationContext"/>, so its continuations run one at a time, in an order fixed by
/// the history. Code that escapes that context (awaits a real <c>Task.Delay</c>, <c>Task.Run</c> or I/O)
/// never resumes within the episode: the orchestrator is reported as still waiting, since Durable's
/// replay rules forbid such code. The same holds for a token cancelled with <c>CancelAsync</c> (its
/// callbacks run on the thread pool): orchestrators cancel timers with <c>Cancel</c>. Blocking on a task
/// (<c>Wait</c>, <c>GetResult</c>) hangs the episode, as in Durable: orchestrators only await.
/// Because the engine replays the whole history every episode, Execute is O(history) with little
/// allocation per event (a 1,000-activity fan-out replays in about 1 ms once warm). An instance holds
/// no episode state and may be shared.
/// </remarks>
public sealed class OrchestrationExecutor
{
    private readonly OrchestrationSerializer _serializer;
    private readonly ILoggerFactory? _loggerFactory;

    /// <param name="serializer">JSON for inputs, results, outputs and custom status.</param>
    /// <param name="loggerFactory">Where <c>CreateReplaySafeLogger</c> loggers write; nowhere when null.</param>
    public OrchestrationExecutor(OrchestrationSerializer serializer, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Replays <paramref name="history"/> through a fresh orchestrator and returns what it decided.</summary>
    /// <param name="orchestrator">The orchestrator to run.</param>
    /// <param name="instanceId">The instance (also seeds <c>NewGuid</c>).</param>
    /// <param name="history">The instance's events in order; the first is ExecutionStarted (input in its payload).</param>
    /// <param name="newEventsFrom">
    /// Index of the first event no earlier episode has seen: <c>IsReplaying</c> is true while events
    /// before it are delivered and false from it on.
    /// </param>
    /// <returns>
    /// New actions while the orchestrator waits (Outcome null), or its outcome: Completed with its output,
    /// or Failed with its exception or the non-determinism found. A finished episode carries no actions:
    /// calls an orchestrator leaves behind when it returns or fails are not carried out.
    /// </returns>
    public OrchestrationExecutionResult Execute(
        OrchestratorRegistration orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> history,
        int newEventsFrom)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || history[0].Kind != HistoryEventKind.ExecutionStarted)
        {
            throw new ArgumentException("History must start with an ExecutionStarted event.", nameof(history));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(newEventsFrom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newEventsFrom, history.Count);

        var previous = SynchronizationContext.Current;
        var replay = new ReplaySynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(replay);
        try
        {
            return Replay(orchestrator, instanceId, history, newEventsFrom, replay);
        }
        finally
        {
            replay.Close();
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private OrchestrationExecutionResult Replay(
        OrchestratorRegistration orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> history,
        int newEventsFrom,
        ReplaySynchronizationContext replay)
    {
        var started = history[0];
        var context = new ReplayOrchestrationContext(orchestrator.Name, instanceId, started.Payload, _serializer, _loggerFactory, replay)
        {
            Replaying = newEventsFrom > 0,
            Clock = started.Timestamp,
        };

        Task<object?> run;
        try
        {
            var code = orchestrator.Factory();
            var input = _serializer.Deserialize(started.Payload, code.InputType);
            context.SetInput(code.InputType, input);
            run = code.RunAsync(context, input) ?? throw new InvalidOperationException($"Orchestrator '{orchestrator.Name}' returned no task.");
            replay.Drain();

            for (var i = 1; i < history.Count && context.Calls.NonDeterminism is null; i++)
            {
                var next = history[i];
                context.Replaying = i < newEventsFrom;
                context.Clock = next.Timestamp;
                context.Calls.Apply(next, _serializer);
                replay.Drain();
            }

            context.Replaying = false;
            context.Calls.EndOfHistory();
        }
        catch (Exception ex)
        {
            // Thrown synchronously by the factory, the input, RunAsync or an async-void continuation.
            return Result(context, OrchestrationRuntimeStatus.Failed, output: null, TaskFailureDetails.FromException(ex));
        }

        if (context.Calls.NonDeterminism is { } message)
        {
            var failure = new TaskFailureDetails(typeof(NonDeterministicOrchestrationException).FullName!, message, StackTrace: null);
            return Result(context, OrchestrationRuntimeStatus.Failed, output: null, failure);
        }

        if (!run.IsCompleted)
        {
            return Result(context, outcome: null, output: null, failure: null);
        }

        if (!run.IsCompletedSuccessfully)
        {
            return Result(context, OrchestrationRuntimeStatus.Failed, output: null, TaskFailureDetails.FromException(ExceptionOf(run)));
        }

        try
        {
            var output = _serializer.Serialize(run.GetAwaiter().GetResult());
            return Result(context, OrchestrationRuntimeStatus.Completed, output, failure: null);
        }
        catch (Exception ex)
        {
            return Result(context, OrchestrationRuntimeStatus.Failed, output: null, TaskFailureDetails.FromException(ex));
        }
    }

    private OrchestrationExecutionResult Result(
        ReplayOrchestrationContext context,
        OrchestrationRuntimeStatus? outcome,
        string? output,
        TaskFailureDetails? failure)
    {
        string? customStatus = null;
        try
        {
            customStatus = context.HasCustomStatus ? _serializer.Serialize(context.CustomStatus) : null;
        }
        catch (Exception ex)
        {
            // A status that cannot be serialized fails the orchestrator, unless it failed already for its own reason.
            if (failure is null)
            {
                (outcome, output, failure) = (OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
            }
        }

        return new OrchestrationExecutionResult
        {
            Actions = outcome is null ? context.Calls.NewActions() : [],
            Outcome = outcome,
            Output = output,
            Failure = failure,
            CustomStatus = customStatus,
            SpanAttributes = context.SpanAttributes,
        };
    }

    private static Exception ExceptionOf(Task task) =>
        task.IsCanceled ? new TaskCanceledException(task) : task.Exception!.InnerException ?? task.Exception;
}
