using Obs.Orchestrations.Local.Execution;
using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Tests.Execution;

/// <summary>Builds an instance history by hand; each event is one second after the previous one.</summary>
internal sealed class HistoryBuilder
{
    public static readonly DateTime Start = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly List<HistoryEvent> _events = [];

    public HistoryBuilder(string name = "Build", string? input = null) =>
        Add(new HistoryEvent(HistoryEventKind.ExecutionStarted, Start) { Name = name, Payload = input });

    public IReadOnlyList<HistoryEvent> Events => _events;

    public int Count => _events.Count;

    /// <summary>The timestamp the next event gets.</summary>
    public DateTime Now { get; private set; } = Start;

    /// <summary>Moves the clock: the next event happens <paramref name="delay"/> after the last one.</summary>
    public HistoryBuilder After(TimeSpan delay)
    {
        Now = _events[^1].Timestamp + delay;
        return this;
    }

    public HistoryBuilder OrchestratorStarted() => Add(new HistoryEvent(HistoryEventKind.OrchestratorStarted, Now));

    public HistoryBuilder Scheduled(int taskId, string name, string? input = null) =>
        Add(new HistoryEvent(HistoryEventKind.TaskScheduled, Now) { TaskId = taskId, Name = name, Payload = input });

    public HistoryBuilder Completed(int taskId, string? result) =>
        Add(new HistoryEvent(HistoryEventKind.TaskCompleted, Now) { TaskId = taskId, Payload = result });

    public HistoryBuilder Failed(int taskId, TaskFailureDetails failure) =>
        Add(new HistoryEvent(HistoryEventKind.TaskFailed, Now) { TaskId = taskId, Failure = failure });

    public HistoryBuilder TimerCreated(int taskId, DateTime fireAt) =>
        Add(new HistoryEvent(HistoryEventKind.TimerCreated, Now) { TaskId = taskId, FireAt = fireAt });

    /// <summary>The timer fires at its fire time (the event is stamped with it).</summary>
    public HistoryBuilder TimerFired(int taskId, DateTime fireAt)
    {
        Now = fireAt;
        return Add(new HistoryEvent(HistoryEventKind.TimerFired, fireAt) { TaskId = taskId, FireAt = fireAt });
    }

    /// <summary>Records an episode's actions as the engine does: TaskScheduled / TimerCreated, in order.</summary>
    public HistoryBuilder Record(IEnumerable<OrchestratorAction> actions)
    {
        foreach (var action in actions)
        {
            _ = action switch
            {
                ScheduleTaskAction task => Scheduled(task.TaskId, task.Name, task.Input),
                CreateTimerAction timer => TimerCreated(timer.TaskId, timer.FireAt),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action, "Unknown action."),
            };
        }

        return this;
    }

    private HistoryBuilder Add(HistoryEvent history)
    {
        _events.Add(history with { Sequence = _events.Count });
        Now = history.Timestamp.AddSeconds(1);
        return this;
    }
}
