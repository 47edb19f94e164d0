using System.Diagnostics;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// A span known only after the fact — typically an orchestration, whose work may span several
/// processes and restarts — emitted once with identifiers chosen when the work began and the
/// true start and end times.
/// </summary>
public sealed record CompletedSpan
{
    public required string Name { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Internal;

    public required ActivityTraceId TraceId { get; init; }

    /// <summary>The span id chosen in advance; other spans may already name it as their parent.</summary>
    public required ActivitySpanId SpanId { get; init; }

    /// <summary>The parent span, or default for a root span.</summary>
    public ActivitySpanId ParentSpanId { get; init; }

    public ActivityTraceFlags TraceFlags { get; init; } = ActivityTraceFlags.Recorded;

    public string? TraceState { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Tags { get; init; } = [];

    public IReadOnlyList<ActivityLink> Links { get; init; } = [];

    public ActivityStatusCode Status { get; init; }

    public string? StatusDescription { get; init; }
}
