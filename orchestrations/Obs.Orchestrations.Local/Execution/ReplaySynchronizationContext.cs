namespace Obs.Orchestrations.Local.Execution;

/// <summary>
/// The single thread orchestrator code runs on during one episode. Awaits in orchestrator code
/// capture this context, so every continuation comes back here and runs when the executor drains
/// the queue: one thread, one order, the same on every replay.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly int _ownerThreadId = Environment.CurrentManagedThreadId;
    private bool _closed;

    /// <summary>
    /// Queues a continuation. Posts from any other thread, or after the episode ended, come from code
    /// that escaped the context (a real <c>Task.Delay</c>, <c>Task.Run</c>, I/O): they are dropped, so
    /// that code never resumes and the orchestrator simply stays waiting, deterministically, instead of
    /// racing the replay.
    /// </summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (IsOwnerThread)
        {
            _queue.Enqueue((d, state));
        }
    }

    /// <summary>Runs inline on the owner thread; like <see cref="Post"/>, drops calls from elsewhere.</summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (IsOwnerThread)
        {
            d(state);
        }
    }

    // One context per episode: copies must be this instance so continuations keep landing in its queue.
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>True on the thread running the episode, while it runs.</summary>
    public bool IsOwnerThread => !_closed && Environment.CurrentManagedThreadId == _ownerThreadId;

    /// <summary>Runs queued continuations (and those they queue) until none is left.</summary>
    public void Drain()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }

    /// <summary>Ends the episode: later posts are dropped.</summary>
    public void Close()
    {
        _closed = true;
        _queue.Clear();
    }
}
