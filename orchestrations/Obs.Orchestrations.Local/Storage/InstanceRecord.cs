namespace Obs.Orchestrations.Local.Storage;

/// <summary>One row of the <c>instances</c> table: state, trace linkage and lease.</summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public OrchestrationRuntimeStatus Status { get; init; } = OrchestrationRuntimeStatus.Pending;

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>W3C trace id (32 hex) of the trace the instance belongs to.</summary>
    public required string TraceId { get; init; }

    /// <summary>The current attempt's orchestration span id (16 hex), fixed when the attempt starts.</summary>
    public required string SpanId { get; init; }

    /// <summary>The caller's span id, or null when the orchestration is a root.</summary>
    public string? ParentSpanId { get; init; }

    public string? TraceState { get; init; }

    /// <summary>The caller's sampled flag.</summary>
    public bool Sampled { get; init; } = true;

    /// <summary>1 at start; +1 each time an engine resumes the instance after its owner died.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When the current attempt's span started.</summary>
    public DateTimeOffset AttemptStartedAt { get; init; }

    /// <summary>The first attempt's span id (equal to <see cref="SpanId"/> until a resume), for the span link.</summary>
    public required string FirstSpanId { get; init; }

    /// <summary>The engine that holds the lease, or null.</summary>
    public string? Owner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>How many history events the last episode had seen (events from here on are new).</summary>
    public int ReplayedThrough { get; init; }
}
