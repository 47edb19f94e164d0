using System.Diagnostics;

namespace Obs.Orchestrations;

/// <summary>Options for a new instance (Durable's <c>StartOrchestrationOptions</c>, plus the trace parent).</summary>
/// <param name="InstanceId">The id to use; a new one is generated when null. An id already in use is an error.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null)
{
    /// <summary>
    /// The W3C parent of the orchestration span. When default, the caller's <see cref="Activity.Current"/>
    /// is the parent; when neither is set the orchestration starts a new trace.
    /// </summary>
    public ActivityContext ParentContext { get; init; }
}
