using System.Diagnostics;

namespace Obs.Orchestrations;

/// <summary>What activity code sees (Durable's <c>TaskActivityContext</c>, plus cancellation and the span).</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's name as registered.</summary>
    public abstract string Name { get; }

    /// <summary>The orchestration instance that scheduled this activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Cancelled when the instance is terminated or the engine stops: stop work, kill child processes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>
    /// The activity's span, a child of the orchestration span (null when nobody records). It is
    /// <see cref="Activity.Current"/> while the activity runs, so child processes started with its
    /// traceparent join the trace; activities may rename it and add attributes and events.
    /// </summary>
    public abstract Activity? Span { get; }
}
