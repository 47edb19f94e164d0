using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Spool;

/// <summary>
/// Writes a batch of spans as one line of OTLP JSON (a <c>TracesData</c>, as the OpenTelemetry file
/// exporter does: hex ids, nanosecond times as strings, lowerCamelCase fields), grouped by scope.
/// </summary>
public static class OtlpJsonWriter
{
    /// <summary>The batch's <c>TracesData</c>, without a line break.</summary>
    public static string Write(Resource resource, in Batch<Activity> batch)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var spans = new List<Activity>((int)batch.Count);
        foreach (var span in batch)
        {
            spans.Add(span);
        }

        return Write(resource, spans);
    }

    /// <summary>The spans' <c>TracesData</c>, without a line break.</summary>
    public static string Write(Resource resource, IReadOnlyList<Activity> spans)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(spans);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray(OtlpJson.ResourceSpans);
            json.WriteStartObject();
            json.WriteStartObject(OtlpJson.Resource);
            WriteAttributes(json, resource.Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)));
            json.WriteEndObject();
            json.WriteStartArray(OtlpJson.ScopeSpans);
            foreach (var scope in spans.GroupBy(s => (s.Source.Name, s.Source.Version)))
            {
                json.WriteStartObject();
                json.WriteStartObject(OtlpJson.Scope);
                json.WriteString(OtlpJson.Name, scope.Key.Name);
                if (!string.IsNullOrEmpty(scope.Key.Version))
                {
                    json.WriteString(OtlpJson.Version, scope.Key.Version);
                }

                json.WriteEndObject();
                json.WriteStartArray(OtlpJson.Spans);
                foreach (var span in scope)
                {
                    WriteSpan(json, span);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSpan(Utf8JsonWriter json, Activity span)
    {
        json.WriteStartObject();
        json.WriteString(OtlpJson.TraceId, span.TraceId.ToHexString());
        json.WriteString(OtlpJson.SpanId, span.SpanId.ToHexString());
        if (span.ParentSpanId != default)
        {
            json.WriteString(OtlpJson.ParentSpanId, span.ParentSpanId.ToHexString());
        }

        if (!string.IsNullOrEmpty(span.TraceStateString))
        {
            json.WriteString(OtlpJson.TraceState, span.TraceStateString);
        }

        json.WriteString(OtlpJson.Name, span.DisplayName);
        json.WriteNumber(OtlpJson.Kind, (int)span.Kind + 1);
        json.WriteString(OtlpJson.StartTimeUnixNano, Nanos(span.StartTimeUtc));
        json.WriteString(OtlpJson.EndTimeUnixNano, Nanos(span.StartTimeUtc + span.Duration));
        WriteAttributes(json, span.TagObjects);
        json.WriteStartArray(OtlpJson.Events);
        foreach (var e in span.Events)
        {
            json.WriteStartObject();
            json.WriteString(OtlpJson.TimeUnixNano, Nanos(e.Timestamp.UtcDateTime));
            json.WriteString(OtlpJson.Name, e.Name);
            WriteAttributes(json, e.Tags);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(OtlpJson.Links);
        foreach (var link in span.Links)
        {
            json.WriteStartObject();
            json.WriteString(OtlpJson.TraceId, link.Context.TraceId.ToHexString());
            json.WriteString(OtlpJson.SpanId, link.Context.SpanId.ToHexString());
            WriteAttributes(json, link.Tags ?? []);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject(OtlpJson.Status);
        json.WriteNumber(OtlpJson.Code, (int)span.Status);
        if (!string.IsNullOrEmpty(span.StatusDescription))
        {
            json.WriteString(OtlpJson.Message, span.StatusDescription);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> attributes)
    {
        json.WriteStartArray(OtlpJson.Attributes);
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString(OtlpJson.Key, key);
            json.WritePropertyName(OtlpJson.Value);
            WriteValue(json, value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case string s:
                json.WriteString(OtlpJson.StringValue, s);
                break;
            case bool b:
                json.WriteBoolean(OtlpJson.BoolValue, b);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteString(OtlpJson.IntValue, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case float or double or decimal:
                json.WriteNumber(OtlpJson.DoubleValue, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case System.Collections.IEnumerable items:
                json.WriteStartObject(OtlpJson.ArrayValue);
                json.WriteStartArray(OtlpJson.Values);
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        WriteValue(json, item);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
                break;
            default:
                json.WriteString(OtlpJson.StringValue, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }

        json.WriteEndObject();
    }

    private static string Nanos(DateTime utc) =>
        ((utc.Ticks - DateTime.UnixEpoch.Ticks) * 100).ToString(CultureInfo.InvariantCulture);
}
