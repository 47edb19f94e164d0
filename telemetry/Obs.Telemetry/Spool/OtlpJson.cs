using System.Text.Json;

namespace Obs.Telemetry.Spool;

/// <summary>The OTLP JSON field names (the protobuf JSON mapping of opentelemetry-proto's trace messages), in one place.</summary>
internal static class OtlpJson
{
    public const string ResourceSpans = "resourceSpans";
    public const string Resource = "resource";
    public const string ScopeSpans = "scopeSpans";
    public const string Scope = "scope";
    public const string Spans = "spans";
    public const string Name = "name";
    public const string Version = "version";
    public const string TraceId = "traceId";
    public const string SpanId = "spanId";
    public const string ParentSpanId = "parentSpanId";
    public const string TraceState = "traceState";
    public const string Kind = "kind";
    public const string StartTimeUnixNano = "startTimeUnixNano";
    public const string EndTimeUnixNano = "endTimeUnixNano";
    public const string TimeUnixNano = "timeUnixNano";
    public const string Attributes = "attributes";
    public const string Events = "events";
    public const string Links = "links";
    public const string Status = "status";
    public const string Code = "code";
    public const string Message = "message";
    public const string Key = "key";
    public const string Value = "value";
    public const string StringValue = "stringValue";
    public const string BoolValue = "boolValue";
    public const string IntValue = "intValue";
    public const string DoubleValue = "doubleValue";
    public const string ArrayValue = "arrayValue";
    public const string Values = "values";

    /// <summary>The items of the array <paramref name="name"/> of <paramref name="owner"/>; none when it is absent or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];
}
