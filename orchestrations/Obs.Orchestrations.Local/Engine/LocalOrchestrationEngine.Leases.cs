using System.Diagnostics;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>Leases: renew ours, take over instances whose engine died, and resume them.</summary>
public sealed partial class LocalOrchestrationEngine
{
    private const int ClaimBatch = 256;

    private async Task LeaseLoopAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await Task.Delay(_options.HeartbeatInterval, Clock, _stopping.Token).ConfigureAwait(false);
                try
                {
                    Store.RenewLeases(OwnerId, Clock.GetUtcNow(), LeaseDuration);
                    DropInstancesFinishedElsewhere();
                    ClaimAndResume(includeOwnedBy: false);
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested)
                {
                    EngineLog.LeaseFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>An instance terminated by another engine's client: stop its activities here.</summary>
    private void DropInstancesFinishedElsewhere()
    {
        foreach (var (instanceId, owned) in _owned)
        {
            var record = Store.GetInstance(instanceId);
            if (record is null || record.Status.IsTerminal() || record.Owner != OwnerId)
            {
                owned.Cancel();
                Release(instanceId);
                Signal(instanceId);
            }
        }
    }

    /// <summary>Claims unowned and expired instances (and, at start, our own) and resumes them.</summary>
    private int ClaimAndResume(bool includeOwnedBy)
    {
        var count = 0;
        IReadOnlyList<ClaimedInstance> claimed;
        do
        {
            claimed = Store.ClaimInstances(OwnerId, Clock.GetUtcNow(), LeaseDuration, ClaimBatch, includeOwnedBy);
            foreach (var claim in claimed)
            {
                if (Resume(claim))
                {
                    count++;
                }
            }
        }
        while (claimed.Count == ClaimBatch);

        return count;
    }

    private bool Resume(ClaimedInstance claim)
    {
        var record = claim.Instance;
        if (_owned.ContainsKey(record.InstanceId))
        {
            // Our own instance whose lease lapsed (a stalled heartbeat): the claim renewed it.
            return false;
        }

        if (!_registry.TryGetOrchestrator(record.Name, out _))
        {
            // Another kind of host's instance (a test run found by an engine that only builds):
            // not ours to run, and failing it for lack of code would destroy it.
            Store.ReleaseLease(record.InstanceId, OwnerId);
            return false;
        }

        if (claim.PreviousOwner is not null)
        {
            // The engine running it died (a graceful stop releases its leases): close its attempt's
            // span as abandoned and continue under a new span that links to the first attempt.
            var now = Clock.GetUtcNow();
            EmitAbandoned(record, claim.PreviousOwner, now);
            var spanId = ActivitySpanId.CreateRandom().ToHexString();
            if (!Store.TryUpdateAttempt(record.InstanceId, OwnerId, record.Attempt + 1, spanId, now))
            {
                return false;
            }

            EngineLog.Resumed(_logger, record.InstanceId, record.Attempt + 1, claim.PreviousOwner);
            record = record with { Attempt = record.Attempt + 1, SpanId = spanId, AttemptStartedAt = now };
        }

        var owned = new OwnedInstance(record, _stopping.Token) { ReplayRequested = true };
        if (!_owned.TryAdd(record.InstanceId, owned))
        {
            owned.Dispose();
            return false;
        }

        Dispatch(owned, Store.GetWork(record.InstanceId));
        MarkReady(record.InstanceId);
        return true;
    }

    private void EmitAbandoned(InstanceRecord record, string previousOwner, DateTimeOffset now)
    {
        try
        {
            OrchestrationSpans.EmitAbandoned(record, SpanName(record.Name), previousOwner, now);
        }
        catch (Exception ex)
        {
            EngineLog.SpanFailed(_logger, record.InstanceId, ex);
        }
    }
}
