using System.Text.Json;
using Microsoft.Extensions.Logging;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableTaskFailedException = Microsoft.DurableTask.TaskFailedException;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// The Obs orchestration contract over Durable's <see cref="DurableContext"/>: clock, ids, replay and
/// timers are Durable's. Inputs, outputs and custom status cross Durable as JSON made by Obs's own
/// serializer (never Durable's DataConverter, which differs between Functions and the plain SDK), and
/// every activity call carries the orchestration span's context, so the activity's span is its child
/// on whichever worker runs it. Durable's <c>TaskFailedException</c> surfaces as Obs's.
/// </summary>
internal sealed class DurableOrchestrationContext : TaskOrchestrationContext
{
    private readonly DurableContext _inner;
    private readonly OrchestrationSerializer _serializer;
    private readonly DurableOrchestrationSpan _span;
    private readonly string? _serializedInput;
    private int _nextTaskId;

    public DurableOrchestrationContext(DurableContext inner, OrchestrationSerializer serializer, DurableOrchestrationSpan span, string? serializedInput)
    {
        _inner = inner;
        _serializer = serializer;
        _span = span;
        _serializedInput = serializedInput;
    }

    public override string Name => _inner.Name.Name;

    public override string InstanceId => _inner.InstanceId;

    public override bool IsReplaying => _inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => _inner.CurrentUtcDateTime;

    public override Guid NewGuid() => _inner.NewGuid();

    public override T? GetInput<T>() where T : default => _serializer.Deserialize<T>(_serializedInput);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var envelope = ObsEnvelope.Wrap(_serializer.Serialize(input), ObsTraceHeader.From(_span.Context, _nextTaskId++));
        JsonElement? output;
        try
        {
            // Orchestrator code must resume on Durable's orchestration thread.
            output = await _inner.CallActivityAsync<JsonElement?>(name, envelope, DurableMappings.ToDurable(options)).ConfigureAwait(true);
        }
        catch (DurableTaskFailedException failed)
        {
            throw new TaskFailedException(failed.TaskName, failed.TaskId, DurableMappings.ToObs(failed.FailureDetails)!);
        }

        return _serializer.Deserialize<TResult>(ObsEnvelope.Text(output))!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        _nextTaskId++;
        return _inner.CreateTimer(fireAt, cancellationToken);
    }

    public override void SetCustomStatus(object? customStatus) =>
        _inner.SetCustomStatus(ObsEnvelope.ToElement(_serializer.Serialize(customStatus)));

    public override ILogger CreateReplaySafeLogger(string categoryName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryName);
        return _inner.CreateReplaySafeLogger(categoryName);
    }

    /// <summary>Every episode sets its attributes again; the span is emitted once, when the orchestrator ends.</summary>
    public override void SetSpanAttribute(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _span.SetAttribute(key, value);
    }
}
