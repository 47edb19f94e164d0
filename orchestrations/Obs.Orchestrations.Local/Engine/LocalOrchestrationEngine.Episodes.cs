using Obs.Orchestrations.Local.Execution;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>Episodes: replay an instance's orchestrator over its history and commit what it decided.</summary>
public sealed partial class LocalOrchestrationEngine
{
    private async Task DispatchLoopAsync()
    {
        var reader = _ready.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var instanceId))
                {
                    // Cleared first: results that arrive while the episode runs queue another one.
                    _readySet.TryRemove(instanceId, out _);
                    RunEpisodeSafely(instanceId);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private void RunEpisodeSafely(string instanceId)
    {
        try
        {
            RunEpisode(instanceId);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // A store error (disk full, lock timeout) leaves history as it was: try again shortly.
            EngineLog.EpisodeFailed(_logger, instanceId, ex);
            _ = RetryEpisodeLaterAsync(instanceId);
        }
    }

    private async Task RetryEpisodeLaterAsync(string instanceId)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Clock, _stopping.Token).ConfigureAwait(false);
            MarkReady(instanceId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void RunEpisode(string instanceId)
    {
        if (!_owned.TryGetValue(instanceId, out var owned))
        {
            return;
        }

        var record = Store.GetInstance(instanceId);
        if (record is null || record.Status.IsTerminal() || record.Owner != OwnerId)
        {
            Release(instanceId);
            return;
        }

        var history = Store.GetHistory(instanceId).ToList();
        var hasNewEvents = history.Count > record.ReplayedThrough || record.Status == OrchestrationRuntimeStatus.Pending;
        var replayRequested = owned.ReplayRequested;
        owned.ReplayRequested = false;
        if (!hasNewEvents && !replayRequested)
        {
            return;
        }

        // Stored times have millisecond precision: use the same value live, so replays see what ran.
        var now = UnixTime.Truncate(Clock.GetUtcNow());
        var started = new HistoryEvent(HistoryEventKind.OrchestratorStarted, now.UtcDateTime);
        history.Add(started);
        var result = Execute(record, history);

        var newEvents = new List<HistoryEvent>(result.Actions.Count + 2) { started };
        var newWork = new List<WorkItem>(result.Actions.Count);
        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case ScheduleTaskAction task:
                    newEvents.Add(new HistoryEvent(HistoryEventKind.TaskScheduled, now.UtcDateTime) { TaskId = task.TaskId, Name = task.Name, Payload = task.Input });
                    newWork.Add(new WorkItem(0, instanceId, WorkItemKind.Activity, task.TaskId, task.Name, task.Input, now));
                    break;
                case CreateTimerAction timer:
                    newEvents.Add(new HistoryEvent(HistoryEventKind.TimerCreated, now.UtcDateTime) { TaskId = timer.TaskId, FireAt = timer.FireAt });
                    newWork.Add(new WorkItem(0, instanceId, WorkItemKind.Timer, timer.TaskId, null, null, new DateTimeOffset(timer.FireAt, TimeSpan.Zero)));
                    break;
            }
        }

        var status = result.Outcome ?? OrchestrationRuntimeStatus.Running;
        if (!hasNewEvents && result.Actions.Count == 0 && result.Outcome is null)
        {
            // A check-only replay that matched its history: nothing to record.
            return;
        }

        if (result.Outcome == OrchestrationRuntimeStatus.Completed)
        {
            newEvents.Add(new HistoryEvent(HistoryEventKind.ExecutionCompleted, now.UtcDateTime) { Payload = result.Output });
        }
        else if (result.Outcome == OrchestrationRuntimeStatus.Failed)
        {
            newEvents.Add(new HistoryEvent(HistoryEventKind.ExecutionFailed, now.UtcDateTime) { Failure = result.Failure });
        }

        var update = new InstanceUpdate
        {
            Status = status,
            Output = result.Output,
            CustomStatus = result.CustomStatus ?? record.CustomStatus,
            Failure = result.Failure,
            LastUpdatedAt = now,
            CompletedAt = status.IsTerminal() ? now : null,
            ReplayedThrough = history.Count - 1 + newEvents.Count,
        };
        if (status.IsTerminal())
        {
            BeginFinishing(instanceId);
        }

        if (!Store.CommitEpisode(instanceId, OwnerId, newEvents, newWork, update, out var insertedWork))
        {
            // Terminated meanwhile, or another engine took the lease: not ours to run any more.
            if (status.IsTerminal())
            {
                EndFinishing(instanceId);
            }

            owned.Cancel();
            Release(instanceId);
            return;
        }

        if (status.IsTerminal())
        {
            // Activities still running (siblings of a failure the code did not wait for) are stopped.
            owned.Cancel();
            Finish(record, status, result.Failure, result.SpanAttributes);
            return;
        }

        Dispatch(owned, insertedWork);
    }

    private OrchestrationExecutionResult Execute(InstanceRecord record, List<HistoryEvent> history)
    {
        if (!_registry.TryGetOrchestrator(record.Name, out var registration))
        {
            return new OrchestrationExecutionResult
            {
                Outcome = OrchestrationRuntimeStatus.Failed,
                Failure = new TaskFailureDetails(
                    typeof(InvalidOperationException).FullName!,
                    $"No orchestrator named '{record.Name}' is registered with this engine.",
                    null),
            };
        }

        return _executor.Execute(registration, record.InstanceId, history, record.ReplayedThrough);
    }
}
