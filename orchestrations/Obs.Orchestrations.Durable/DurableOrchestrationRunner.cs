using System.Text.Json;
using Obs.Telemetry.Tracing;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// Runs the orchestrators and activities of an <see cref="OrchestrationRegistry"/> for a Durable worker,
/// with the trace the local engine gives them: one orchestration span per instance (<c>build.execute</c>
/// …), the direct parent of each activity span. Inputs and outputs are JSON elements, which every
/// Durable host — Azure Functions, the SDK's workers, the in-process test host — passes through as they are.
/// </summary>
public sealed class DurableOrchestrationRunner
{
    private readonly OrchestrationRegistry _registry;

    public DurableOrchestrationRunner(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>Runs one episode of the orchestrator Durable named; emits the orchestration span when it ends.</summary>
    public async Task<JsonElement?> RunOrchestratorAsync(DurableContext context, JsonElement? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Name.Name;
        if (!_registry.TryGetOrchestrator(name, out var registration))
        {
            throw new InvalidOperationException($"No orchestrator named '{name}' is registered with Obs.");
        }

        var (trace, serializedInput) = ObsEnvelope.Read(input);
        var span = new DurableOrchestrationSpan(registration.SpanName, context.InstanceId, name, trace?.Parent ?? default, context.CurrentUtcDateTime);
        var obsContext = new DurableOrchestrationContext(context, _registry.Serializer, span, serializedInput);
        object? output;
        try
        {
            var orchestrator = registration.Factory();
            output = await orchestrator.RunAsync(obsContext, _registry.Serializer.Deserialize(serializedInput, orchestrator.InputType)).ConfigureAwait(true);
        }
        catch (Exception ex) when (Emit(context, span, OrchestrationRuntimeStatus.Failed, TaskFailureDetails.FromException(ex)))
        {
            throw; // Emit returns false: the filter only records the failure on the span.
        }

        Emit(context, span, OrchestrationRuntimeStatus.Completed, failure: null);
        return ObsEnvelope.ToElement(_registry.Serializer.Serialize(output));
    }

    /// <summary>Runs the activity <paramref name="name"/> under its own span, a child of the orchestration span that called it.</summary>
    public async Task<JsonElement?> RunActivityAsync(string name, string instanceId, JsonElement? input, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(instanceId);
        if (!_registry.TryGetActivity(name, out var factory))
        {
            throw new InvalidOperationException($"No activity named '{name}' is registered with Obs.");
        }

        var (trace, serializedInput) = ObsEnvelope.Read(input);
        using var span = _registry.IsTraced(name)
            ? OrchestrationTrace.StartActivitySpan(name, instanceId, trace?.TaskId ?? -1, trace?.Parent ?? default)
            : null;
        try
        {
            var activity = factory();
            var context = new DurableActivityContext(name, instanceId, cancellation, span);
            var output = await activity.RunAsync(context, _registry.Serializer.Deserialize(serializedInput, activity.InputType)).ConfigureAwait(false);
            return ObsEnvelope.ToElement(_registry.Serializer.Serialize(output));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            span.SetError("cancelled", "terminated or worker stopping");
            throw;
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            throw;
        }
    }

    // Only a live episode emits: a replay re-runs code whose span was (or will be) emitted live.
    private static bool Emit(DurableContext context, DurableOrchestrationSpan span, OrchestrationRuntimeStatus status, TaskFailureDetails? failure)
    {
        if (!context.IsReplaying)
        {
            span.Emit(status, failure, DateTimeOffset.UtcNow);
        }

        return false;
    }
}
