using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>
/// Work: activities on the bounded worker pool, durable timers, and committing their results in batches.
/// A worker takes its next activity only once the last one's result is committed, so a crash re-runs at
/// most one activity per worker: the steps in flight, never a step whose result was waiting in memory.
/// </summary>
public sealed partial class LocalOrchestrationEngine
{
    private const int MaxCommitBatch = 512;

    private void Dispatch(OwnedInstance owned, IEnumerable<WorkItem> work)
    {
        foreach (var item in work)
        {
            if (!owned.TryMarkDispatched(item.Id))
            {
                continue;
            }

            if (item.Kind == WorkItemKind.Timer)
            {
                _ = FireTimerAsync(item, owned.Cancellation);
            }
            else
            {
                _activities.Writer.TryWrite(item);
            }
        }
    }

    private async Task ActivityWorkerLoopAsync()
    {
        var reader = _activities.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var work))
                {
                    await RunActivityAsync(work).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunActivityAsync(WorkItem work)
    {
        if (!_owned.TryGetValue(work.InstanceId, out var owned) || owned.Cancellation.IsCancellationRequested)
        {
            return;
        }

        HistoryEvent completion;
        // An untraced activity (bookkeeping such as recording metrics) runs without a span.
        using (var span = _registry.IsTraced(work.Name ?? string.Empty) ? OrchestrationSpans.StartActivity(owned, work) : null)
        {
            try
            {
                if (!_registry.TryGetActivity(work.Name ?? string.Empty, out var factory))
                {
                    throw new InvalidOperationException($"No activity named '{work.Name}' is registered with this engine.");
                }

                var activity = factory();
                var input = _registry.Serializer.Deserialize(work.Input, activity.InputType);
                var context = new LocalActivityContext(work.Name!, work.InstanceId, owned.Cancellation, span);
                var output = await activity.RunAsync(context, input).ConfigureAwait(false);
                completion = new HistoryEvent(HistoryEventKind.TaskCompleted, Clock.GetUtcNow().UtcDateTime)
                {
                    TaskId = work.TaskId,
                    Payload = _registry.Serializer.Serialize(output),
                };
            }
            catch (OperationCanceledException) when (owned.Cancellation.IsCancellationRequested)
            {
                // Terminated, or the engine is stopping: nothing is recorded, so a stopped engine's
                // work runs again on the next start and a terminated instance's is gone.
                span.SetError("cancelled", "terminated or engine stopping");
                return;
            }
            catch (Exception ex)
            {
                span.RecordFailure(ex);
                completion = new HistoryEvent(HistoryEventKind.TaskFailed, Clock.GetUtcNow().UtcDateTime)
                {
                    TaskId = work.TaskId,
                    Failure = TaskFailureDetails.FromException(ex),
                };
            }
        }

        var finished = new ActivityCompletion(work, completion);
        if (_completions.Writer.TryWrite(finished))
        {
            // Stopping: StopAsync commits what is queued after the workers have exited.
            await finished.Durable.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task FireTimerAsync(WorkItem timer, CancellationToken cancellation)
    {
        try
        {
            var wait = timer.DueAt - Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Clock, cancellation).ConfigureAwait(false);
            }

            _completions.Writer.TryWrite(new ActivityCompletion(
                timer,
                new HistoryEvent(HistoryEventKind.TimerFired, Clock.GetUtcNow().UtcDateTime) { TaskId = timer.TaskId, FireAt = timer.DueAt.UtcDateTime }));
        }
        catch (OperationCanceledException)
        {
            // Terminated or stopping: the timer row stays (or is gone with the instance).
        }
    }

    private async Task CommitLoopAsync()
    {
        var reader = _completions.Reader;
        var batch = new List<ActivityCompletion>(MaxCommitBatch);
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxCommitBatch && reader.TryRead(out var completion))
                {
                    batch.Add(completion);
                }

                CommitBatch(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private void CommitBatch(List<ActivityCompletion> batch)
    {
        IReadOnlyList<WorkItem> committed;
        try
        {
            committed = Store.CompleteWork([.. batch.Select(c => (c.Work.Id, c.Event))]);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // Nothing was recorded (the transaction rolled back): try the same results again
            // shortly; if the engine stops first, the work rows run again on the next start.
            EngineLog.CommitFailed(_logger, batch.Count, ex);
            _ = RecommitLaterAsync([.. batch]);
            return;
        }

        foreach (var completion in batch)
        {
            completion.Durable.TrySetResult();
        }

        foreach (var instanceId in committed.Select(w => w.InstanceId).Distinct(StringComparer.Ordinal))
        {
            MarkReady(instanceId);
        }
    }

    private async Task RecommitLaterAsync(ActivityCompletion[] completions)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Clock, _stopping.Token).ConfigureAwait(false);
            foreach (var completion in completions)
            {
                _completions.Writer.TryWrite(completion);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
