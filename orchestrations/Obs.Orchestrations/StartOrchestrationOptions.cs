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

    /// <summary>The parent every engine gives a new instance: the options' <see cref="ParentContext"/>, else <see cref="Activity.Current"/>, else none.</summary>
    public static ActivityContext ParentOf(StartOrchestrationOptions? options) =>
        options?.ParentContext is { } explicitParent && explicitParent != default
            ? explicitParent
            : Activity.Current?.Context ?? default;

    /// <summary>
    /// Options whose parent is a W3C <c>traceparent</c> (and optional <c>tracestate</c>), e.g. from
    /// an HTTP request or the <c>TRACEPARENT</c> environment variable. A malformed value is ignored:
    /// the orchestration then starts from <see cref="Activity.Current"/> or a new trace, never fails.
    /// </summary>
    public static StartOrchestrationOptions WithTraceparent(string? traceparent, string? tracestate = null, string? instanceId = null) =>
        new(instanceId)
        {
            ParentContext = Obs.Telemetry.Tracing.W3CTraceContext.TryParse(traceparent, tracestate, out var parent) ? parent : default,
        };
}
