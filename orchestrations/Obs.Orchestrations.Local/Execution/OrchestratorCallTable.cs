using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// The episode's calls by task id, matched against the history: recorded calls are checked for
/// kind and name, results are delivered to them, and calls history does not know become new actions.
/// The first mismatch is kept in <see cref="NonDeterminism"/> and ends the replay.
/// </summary>
internal sealed class OrchestratorCallTable
{
    private readonly List<OrchestratorCall> _calls = [];
    private readonly string _orchestratorName;
    private readonly string _instanceId;

    // TaskScheduled/TimerCreated delivered before the code made that call; normally empty, because an
    // episode records its calls after the events that led to them, but the check must not depend on it.
    private SortedDictionary<int, HistoryEvent>? _recordedAhead;

    public OrchestratorCallTable(string orchestratorName, string instanceId)
    {
        _orchestratorName = orchestratorName;
        _instanceId = instanceId;
    }

    /// <summary>The id the next call gets.</summary>
    public int NextTaskId => _calls.Count;

    /// <summary>Why the replay does not match the code, or null while it does.</summary>
    public string? NonDeterminism { get; private set; }

    /// <summary>Adds the call the code just made (its id must be <see cref="NextTaskId"/>).</summary>
    public T Add<T>(T call)
        where T : OrchestratorCall
    {
        _calls.Add(call);
        if (_recordedAhead is not null && _recordedAhead.Remove(call.TaskId, out var recorded))
        {
            Match(call, recorded);
        }

        return call;
    }

    /// <summary>Applies one history event; the caller drains the continuations it released.</summary>
    public void Apply(HistoryEvent history, OrchestrationSerializer serializer)
    {
        switch (history.Kind)
        {
            case HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated:
                OnScheduled(history);
                break;
            case HistoryEventKind.TaskCompleted when Find<ActivityCall>(history) is { } activity:
                activity.Complete(history.Payload, serializer);
                break;
            case HistoryEventKind.TaskFailed when Find<ActivityCall>(history) is { } activity:
                activity.Fail(history.Failure ?? new TaskFailureDetails("unknown", "The activity failed without details.", null));
                break;
            case HistoryEventKind.TimerFired when Find<TimerCall>(history) is { } timer:
                timer.Fire();
                break;
            default:
                // ExecutionStarted, OrchestratorStarted and the terminal events only move the clock.
                break;
        }
    }

    /// <summary>After the last event: a recorded call the code never made is a non-determinism too.</summary>
    public void EndOfHistory()
    {
        if (NonDeterminism is null && _recordedAhead is { Count: > 0 })
        {
            var (taskId, recorded) = _recordedAhead.First();
            Fail($"history has {OrchestratorCall.Describe(recorded)} as task #{taskId}, but the code never called it");
        }
    }

    /// <summary>Calls history has no record of, in call order.</summary>
    public IReadOnlyList<OrchestratorAction> NewActions()
    {
        List<OrchestratorAction>? actions = null;
        foreach (var call in _calls)
        {
            if (!call.IsRecorded)
            {
                (actions ??= []).Add(call.ToAction());
            }
        }

        return actions ?? (IReadOnlyList<OrchestratorAction>)[];
    }

    private void OnScheduled(HistoryEvent scheduled)
    {
        if (scheduled.TaskId < 0)
        {
            Fail($"history has {OrchestratorCall.Describe(scheduled)} without a task id");
        }
        else if (scheduled.TaskId < _calls.Count)
        {
            Match(_calls[scheduled.TaskId], scheduled);
        }
        else
        {
            (_recordedAhead ??= []).TryAdd(scheduled.TaskId, scheduled);
        }
    }

    private void Match(OrchestratorCall call, HistoryEvent scheduled)
    {
        if (call.IsRecorded)
        {
            return;
        }

        if (!call.Matches(scheduled))
        {
            Fail($"history has {OrchestratorCall.Describe(scheduled)} as task #{call.TaskId}, but the code called {call.Description}");
            return;
        }

        call.IsRecorded = true;
    }

    // The call a result belongs to, or null (after recording the mismatch) when the code has no such call.
    private T? Find<T>(HistoryEvent result)
        where T : OrchestratorCall
    {
        var taskId = result.TaskId;
        if (taskId < 0 || taskId >= _calls.Count)
        {
            var expected = _recordedAhead is not null && _recordedAhead.TryGetValue(taskId, out var recorded)
                ? OrchestratorCall.Describe(recorded)
                : $"a {result.Kind} event";
            Fail($"history has {expected} as task #{taskId}, but the code never called it");
            return null;
        }

        var call = _calls[taskId];
        if (call is T typed)
        {
            return typed;
        }

        var resultOf = result.Kind == HistoryEventKind.TimerFired ? TimerCall.Describe() : "an activity";
        Fail($"history has {result.Kind} for {resultOf} as task #{taskId}, but the code called {call.Description}");
        return null;
    }

    private void Fail(string detail) =>
        NonDeterminism ??= $"Non-deterministic orchestrator '{_orchestratorName}' (instance {_instanceId}): {detail}";
}
