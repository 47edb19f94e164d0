using System.Diagnostics;

namespace Obs.Testing;

/// <summary>
/// What a receiver has collected so far, safe to add to from request threads while a test waits.
/// Each addition completes the current signal, so waiters wake on receipt instead of polling.
/// </summary>
internal sealed class ReceivedItems<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void AddRange(IEnumerable<T> items)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _items.AddRange(items);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="until"/> holds or <paramref name="timeout"/> passes; returns what there is either way.</summary>
    public async Task<IReadOnlyList<T>> WaitAsync(Func<IReadOnlyList<T>, bool> until, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(until);
        var clock = Stopwatch.StartNew();
        TimeSpan remaining;
        IReadOnlyList<T> snapshot;
        do
        {
            Task changed;
            lock (_gate)
            {
                snapshot = [.. _items];
                changed = _changed.Task;
            }

            if (until(snapshot))
            {
                return snapshot;
            }

            remaining = timeout - clock.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                using var delay = new CancellationTokenSource();
                await Task.WhenAny(changed, Task.Delay(remaining, delay.Token)).ConfigureAwait(false);
                await delay.CancelAsync().ConfigureAwait(false);
            }
        }
        while (remaining > TimeSpan.Zero);

        return Snapshot();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
