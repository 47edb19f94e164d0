using System.Collections.ObjectModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// The <see cref="TaskOrchestrationContext"/> of one replay episode. Everything it hands out derives
/// from the history the executor delivers: the clock, the replay flag, task ids, GUIDs and results.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly OrchestrationSerializer _serializer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ReplaySynchronizationContext _replay;
    private readonly string? _serializedInput;
    private Type? _inputType;
    private object? _input;
    private int _guidCounter;
    private Dictionary<string, object?>? _spanAttributes;

    public ReplayOrchestrationContext(
        string name,
        string instanceId,
        string? serializedInput,
        OrchestrationSerializer serializer,
        ILoggerFactory? loggerFactory,
        ReplaySynchronizationContext replay)
    {
        Name = name;
        InstanceId = instanceId;
        _serializedInput = serializedInput;
        _serializer = serializer;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _replay = replay;
        Calls = new OrchestratorCallTable(name, instanceId);
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    /// <summary>Set by the executor before it delivers each event.</summary>
    public override bool IsReplaying => Replaying;

    /// <summary>Set by the executor to the timestamp of each event it delivers.</summary>
    public override DateTime CurrentUtcDateTime => Clock;

    public bool Replaying { get; set; }

    public DateTime Clock { get; set; }

    public OrchestratorCallTable Calls { get; }

    /// <summary>True once <see cref="SetCustomStatus"/> was called, even with null.</summary>
    public bool HasCustomStatus { get; private set; }

    public object? CustomStatus { get; private set; }

    public IReadOnlyDictionary<string, object?> SpanAttributes =>
        _spanAttributes ?? (IReadOnlyDictionary<string, object?>)ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>Keeps the input as deserialized for the orchestrator, so <see cref="GetInput{T}"/> of that type is free.</summary>
    public void SetInput(Type type, object? input)
    {
        _inputType = type;
        _input = input;
    }

    public override T? GetInput<T>()
        where T : default
    {
        var input = typeof(T) == _inputType ? _input : _serializer.Deserialize(_serializedInput, typeof(T));
        return input is T typed ? typed : default;
    }

    public override Guid NewGuid() => DeterministicGuid.Create(InstanceId, _guidCounter++);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = _serializer.Serialize(input);
        return options?.Retry is { } retry
            ? CallActivityWithRetryAsync<TResult>(name, serializedInput, retry)
            : CallActivityOnce<TResult>(name, serializedInput);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var timer = Calls.Add(new TimerCall(Calls.NextTaskId, utc));
        timer.CancelWhen(cancellationToken, _replay);
        return timer.Task;
    }

    public override void SetCustomStatus(object? customStatus)
    {
        // Serialized once, at the end of the episode, as Durable does: the last value set is what callers see.
        CustomStatus = customStatus;
        HasCustomStatus = true;
    }

    public override ILogger CreateReplaySafeLogger(string categoryName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryName);
        return new ReplaySafeLogger(this, _loggerFactory.CreateLogger(categoryName));
    }

    public override void SetSpanAttribute(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        (_spanAttributes ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;
    }

    private Task<TResult> CallActivityOnce<TResult>(string name, string? serializedInput) =>
        Calls.Add(new ActivityCall<TResult>(Calls.NextTaskId, name, serializedInput)).Task;

    /// <summary>
    /// Retries as orchestrator code, made of ordinary calls and durable timers (each its own task id),
    /// so a replay walks the same attempts and waits from history instead of repeating them.
    /// </summary>
    private async Task<TResult> CallActivityWithRetryAsync<TResult>(string name, string? serializedInput, RetryPolicy retry)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CallActivityOnce<TResult>(name, serializedInput).ConfigureAwait(true);
            }
            catch (TaskFailedException failure) when (ShouldRetry(retry, failure, attempt, firstAttemptAt))
            {
                // Fall through to the wait; when the filter says no, the last failure propagates as is.
            }

            await CreateTimer(CurrentUtcDateTime + retry.DelayBefore(attempt + 1), CancellationToken.None).ConfigureAwait(true);
        }
    }

    private bool ShouldRetry(RetryPolicy retry, TaskFailedException failure, int attempt, DateTime firstAttemptAt) =>
        attempt < retry.MaxNumberOfAttempts
        && (retry.HandleFailure?.Invoke(failure.FailureDetails) ?? true)
        && (retry.RetryTimeout == Timeout.InfiniteTimeSpan || CurrentUtcDateTime - firstAttemptAt < retry.RetryTimeout);
}
