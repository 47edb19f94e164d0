using System.Diagnostics;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>The local engine's <see cref="OrchestrationClient"/>.</summary>
internal sealed class LocalOrchestrationClient(LocalOrchestrationEngine engine) : OrchestrationClient
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(500);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        cancellation.ThrowIfCancellationRequested();
        if (!engine.Registry.TryGetOrchestrator(orchestratorName, out _))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var parent = StartOrchestrationOptions.ParentOf(options);
        var now = engine.Clock.GetUtcNow();
        var spanId = ActivitySpanId.CreateRandom().ToHexString();
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = engine.Registry.Serializer.Serialize(input),
            CreatedAt = now,
            LastUpdatedAt = now,
            TraceId = (parent == default ? ActivityTraceId.CreateRandom() : parent.TraceId).ToHexString(),
            SpanId = spanId,
            FirstSpanId = spanId,
            ParentSpanId = parent == default ? null : parent.SpanId.ToHexString(),
            TraceState = parent.TraceState,
            Sampled = parent == default || (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0,
            AttemptStartedAt = now,
            Owner = engine.OwnerId,
            LeaseExpiresAt = now + engine.LeaseDuration,
        };
        var started = new HistoryEvent(HistoryEventKind.ExecutionStarted, now.UtcDateTime) { Name = orchestratorName, Payload = record.Input };
        if (!engine.Store.CreateInstance(record, started))
        {
            throw new InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists.");
        }

        engine.Adopt(record);
        return Task.FromResult(instanceId);
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(engine.Store.GetInstance(instanceId)?.ToMetadata(getInputsAndOutputs));
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var poll = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            // Subscribe before reading, so a finish between the two is not missed.
            var finished = engine.WhenFinished(instanceId);
            try
            {
                var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}'.");
                if (metadata.IsCompleted && !engine.IsFinishing(instanceId))
                {
                    engine.StopWaiting(instanceId, finished);
                    return metadata;
                }

                // Another engine may be running it: poll the store too, backing off.
                await Task.WhenAny(finished, Task.Delay(poll, engine.Clock, cancellation)).ConfigureAwait(false);
                cancellation.ThrowIfCancellationRequested();
                poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, MaxPollInterval.Ticks));
            }
            catch
            {
                engine.StopWaiting(instanceId, finished);
                throw;
            }
        }
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (engine.Store.GetInstance(instanceId) is null)
        {
            throw new InvalidOperationException($"No orchestration instance with id '{instanceId}'.");
        }

        engine.Terminate(instanceId, engine.Registry.Serializer.Serialize(output));
        return Task.CompletedTask;
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(new PurgeResult(engine.Store.Purge(instanceId) ? 1 : 0));
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(new PurgeResult(engine.Store.PurgeAll(filter)));
    }

    public override Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(engine.Store.Query(query));
    }
}
