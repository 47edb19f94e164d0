using System.Text.Json.Serialization;

namespace Obs.Api.Payloads;

/// <summary><c>GET /trace-context</c>: the request's own server span, as in the original design.</summary>
public sealed record TraceContextReport(
    [property: JsonPropertyName("trace_id")] string TraceId,
    [property: JsonPropertyName("span_id")] string SpanId,
    [property: JsonPropertyName("trace_flags")] int TraceFlags,
    [property: JsonPropertyName("trace_context")] TraceContextHeaders TraceContext);

/// <summary>The W3C headers a client would send to continue the trace.</summary>
public sealed record TraceContextHeaders(
    [property: JsonPropertyName("traceparent")] string Traceparent,
    [property: JsonPropertyName("tracestate")] string? Tracestate = null);
