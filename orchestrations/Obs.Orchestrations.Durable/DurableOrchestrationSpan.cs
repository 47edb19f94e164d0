using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// An instance's Obs orchestration span under Durable, where an orchestrator runs as a series of
/// replayed episodes, possibly on different workers. Its ids are fixed by the instance id (the span
/// id is a hash of it, the trace is the caller's), so every episode's activity spans name the same
/// parent; its start is the first episode's replay-safe time; every episode re-sets the attributes,
/// so the one span emitted when the orchestrator ends carries all of them.
/// </summary>
internal sealed class DurableOrchestrationSpan
{
    private readonly Dictionary<string, object?> _attributes = new(StringComparer.Ordinal);
    private readonly string _spanName;
    private readonly string _instanceId;
    private readonly string _orchestrationName;
    private readonly ActivityContext _parent;
    private readonly DateTimeOffset _startedAt;

    public DurableOrchestrationSpan(string spanName, string instanceId, string orchestrationName, ActivityContext parent, DateTime startedAtUtc)
    {
        _spanName = spanName;
        _instanceId = instanceId;
        _orchestrationName = orchestrationName;
        _parent = parent;
        _startedAt = new DateTimeOffset(DateTime.SpecifyKind(startedAtUtc, DateTimeKind.Utc));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(instanceId), hash);
        var traceId = parent == default ? ActivityTraceId.CreateFromBytes(hash[8..24]) : parent.TraceId;
        var flags = parent == default ? ActivityTraceFlags.Recorded : parent.TraceFlags;
        Context = new ActivityContext(traceId, ActivitySpanId.CreateFromBytes(hash[..8]), flags, parent.TraceState);
    }

    /// <summary>The span's context: the parent of every activity span of the instance.</summary>
    public ActivityContext Context { get; }

    public void SetAttribute(string key, object? value) => _attributes[key] = value;

    /// <summary>Emits the span as it ended; the caller emits only from a live (not replaying) episode.</summary>
    public void Emit(OrchestrationRuntimeStatus status, TaskFailureDetails? failure, DateTimeOffset end)
    {
        var (code, description) = OrchestrationTrace.FinishedStatus(status, failure, _attributes);
        CompletedSpanEmitter.Emit(ObsActivitySources.Orchestrations, new CompletedSpan
        {
            Name = _spanName,
            TraceId = Context.TraceId,
            SpanId = Context.SpanId,
            ParentSpanId = _parent == default ? default : _parent.SpanId,
            TraceFlags = Context.TraceFlags,
            TraceState = Context.TraceState,
            StartTime = _startedAt,
            EndTime = end < _startedAt ? _startedAt : end,
            Tags = OrchestrationTrace.FinishedTags(_instanceId, _orchestrationName, status, attempt: 1, failure, _attributes),
            Status = code,
            StatusDescription = description,
        });
    }
}
