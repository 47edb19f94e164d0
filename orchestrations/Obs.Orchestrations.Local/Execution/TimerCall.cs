using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>A <c>CreateTimer</c> call: completed by TimerFired, cancelled through its token.</summary>
internal sealed class TimerCall : OrchestratorCall
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.None);
    private CancellationTokenRegistration _cancellation;

    public TimerCall(int taskId, DateTime fireAt)
        : base(taskId) => FireAt = fireAt;

    public DateTime FireAt { get; }

    public Task Task => _completion.Task;

    public override string Description => Describe();

    public static string Describe() => "CreateTimer";

    // The fire time is not compared: it derives from the replay clock, and Durable does not compare it either.
    public override bool Matches(HistoryEvent scheduled) => scheduled.Kind == HistoryEventKind.TimerCreated;

    public override OrchestratorAction ToAction() => new CreateTimerAction(TaskId, FireAt);

    /// <summary>
    /// Cancels the timer when <paramref name="token"/> is cancelled by orchestrator code on the replay thread.
    /// A cancellation from any other thread (a real <c>CancelAfter</c>) would race the replay, so it is ignored.
    /// </summary>
    public void CancelWhen(CancellationToken token, ReplaySynchronizationContext replay)
    {
        if (token.CanBeCanceled)
        {
            _cancellation = token.Register(() =>
            {
                if (replay.IsOwnerThread)
                {
                    _completion.TrySetCanceled(token);
                }
            });
        }
    }

    /// <summary>Completes the timer; a timer already cancelled stays cancelled.</summary>
    public void Fire()
    {
        _cancellation.Dispose();
        _completion.TrySetResult();
    }
}
