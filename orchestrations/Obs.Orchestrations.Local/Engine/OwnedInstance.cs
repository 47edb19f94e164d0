using System.Diagnostics;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>An instance this engine holds the lease of: its trace context and the token that cancels its activities.</summary>
internal sealed class OwnedInstance : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly HashSet<long> _dispatched = [];

    public OwnedInstance(InstanceRecord record, CancellationToken engineStopping)
    {
        InstanceId = record.InstanceId;
        Update(record);
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(engineStopping);
    }

    public string InstanceId { get; }

    /// <summary>
    /// Set when the engine takes the instance over: the next episode replays even with no new
    /// events, so code that no longer matches its history fails now rather than when work arrives.
    /// </summary>
    public bool ReplayRequested { get; set; }

    /// <summary>The parent context of this attempt's activity spans: the orchestration span.</summary>
    public ActivityContext SpanContext { get; private set; }

    /// <summary>Cancelled on terminate and on engine stop.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    public void Update(InstanceRecord record) =>
        SpanContext = new ActivityContext(
            ActivityTraceId.CreateFromString(record.TraceId),
            ActivitySpanId.CreateFromString(record.SpanId),
            record.Sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            record.TraceState);

    /// <summary>True the first time a work row is handed to a worker or the timer; false after.</summary>
    public bool TryMarkDispatched(long workId)
    {
        lock (_dispatched)
        {
            return _dispatched.Add(workId);
        }
    }

    /// <summary>Cancels running activities (terminate): a process-running activity kills its tree.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished and released.
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
