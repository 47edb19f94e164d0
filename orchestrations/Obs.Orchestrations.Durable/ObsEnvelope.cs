using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// What Obs sends through Durable as an orchestration's or activity's input: the caller's input, already
/// JSON from Obs's own serializer, and the trace context Durable has no place for. Durable stores and
/// replays it as opaque JSON, so its DataConverter (Functions' or the SDK's) never sees an Obs type.
/// A bare input (an instance started by another Durable client) is read as the input itself.
/// </summary>
internal sealed record ObsEnvelope
{
    /// <summary>The property that marks an envelope; no Obs contract has a property of that name.</summary>
    public const string MarkerProperty = "$obs";

    [JsonPropertyName(MarkerProperty)]
    public required ObsTraceHeader Trace { get; init; }

    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    /// <summary>The envelope of <paramref name="serializedInput"/> under <paramref name="trace"/>, as the JSON element Durable carries.</summary>
    public static JsonElement Wrap(string? serializedInput, ObsTraceHeader trace)
    {
        var envelope = new ObsEnvelope { Trace = trace, Input = ToElement(serializedInput) };
        return JsonSerializer.SerializeToElement(envelope, DurableJsonContext.Default.ObsEnvelope);
    }

    /// <summary>Reads what Durable delivered: the trace header (null for a bare input) and the input's JSON.</summary>
    public static (ObsTraceHeader? Trace, string? SerializedInput) Read(JsonElement? delivered)
    {
        if (delivered is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(MarkerProperty, out _))
        {
            return (null, Text(delivered));
        }

        var envelope = element.Deserialize(DurableJsonContext.Default.ObsEnvelope)!;
        return (envelope.Trace, Text(envelope.Input));
    }

    /// <summary>The caller's input inside a stored input (what Durable's metadata shows), envelope or bare.</summary>
    public static string? InputOf(string? storedInput)
    {
        if (string.IsNullOrEmpty(storedInput))
        {
            return storedInput;
        }

        using var document = JsonDocument.Parse(storedInput);
        return Read(document.RootElement).SerializedInput;
    }

    /// <summary>JSON text as the element Durable serializes verbatim; null stays null.</summary>
    public static JsonElement? ToElement(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>An element's JSON text; null and JSON null give null.</summary>
    public static string? Text(JsonElement? element) =>
        element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText();
}

/// <summary>The trace context an envelope carries: the span its receiver's span is a child of.</summary>
internal sealed record ObsTraceHeader
{
    [JsonPropertyName("traceparent")]
    public string? Traceparent { get; init; }

    [JsonPropertyName("tracestate")]
    public string? Tracestate { get; init; }

    /// <summary>The activity call's task id within its orchestration (absent on orchestration inputs).</summary>
    [JsonPropertyName("task_id")]
    public int? TaskId { get; init; }

    public static ObsTraceHeader From(ActivityContext parent, int? taskId = null) => parent == default
        ? new ObsTraceHeader { TaskId = taskId }
        : new ObsTraceHeader { Traceparent = W3CTraceContext.Format(parent), Tracestate = parent.TraceState, TaskId = taskId };

    /// <summary>The parent context, or default when there is none (or it does not parse).</summary>
    /// <remarks>Derived from <see cref="Traceparent"/>: never written into the envelope itself.</remarks>
    [JsonIgnore]
    public ActivityContext Parent => W3CTraceContext.TryParse(Traceparent, Tracestate, out var parent) ? parent : default;
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ObsEnvelope))]
internal sealed partial class DurableJsonContext : JsonSerializerContext;
