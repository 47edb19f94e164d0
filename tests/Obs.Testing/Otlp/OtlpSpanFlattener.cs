using Google.Protobuf;
using Google.Protobuf.Collections;
using Obs.Testing.Otlp.Proto.Collector.Trace.V1;
using Obs.Testing.Otlp.Proto.Common.V1;
using Obs.Testing.Otlp.Proto.Trace.V1;

namespace Obs.Testing.Otlp;

/// <summary>Turns the resource → scope → span tree of an export request into flat <see cref="ReceivedSpan"/>s.</summary>
internal static class OtlpSpanFlattener
{
    public static IEnumerable<ReceivedSpan> Flatten(ExportTraceServiceRequest request, string transport)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ToDictionary(resourceSpans.Resource?.Attributes);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scopeName = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    yield return ToReceived(span, resource, scopeName, transport);
                }
            }
        }
    }

    public static object? ToClr(AnyValue? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
            AnyValue.ValueOneofCase.IntValue => value.IntValue,
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
            AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(ToClr).ToArray(),
            AnyValue.ValueOneofCase.KvlistValue => ToDictionary(value.KvlistValue.Values),
            AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
            _ => null,
        };
    }

    private static ReceivedSpan ToReceived(
        Span span, IReadOnlyDictionary<string, object?> resource, string scopeName, string transport) => new()
        {
            TraceId = Hex(span.TraceId),
            SpanId = Hex(span.SpanId),
            ParentSpanId = span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
            Name = span.Name,
            Kind = (int)span.Kind,
            StartUnixNano = (long)span.StartTimeUnixNano,
            EndUnixNano = (long)span.EndTimeUnixNano,
            Attributes = ToDictionary(span.Attributes),
            Events = [.. span.Events.Select(e => new ReceivedEvent(e.Name, ToDictionary(e.Attributes)))],
            Links = [.. span.Links.Select(l => (Hex(l.TraceId), Hex(l.SpanId)))],
            StatusCode = (int)(span.Status?.Code ?? Status.Types.StatusCode.Unset),
            StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
            Resource = resource,
            ScopeName = scopeName,
            Transport = transport,
        };

    private static Dictionary<string, object?> ToDictionary(RepeatedField<KeyValue>? attributes)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            // The spec forbids duplicate keys; if a buggy exporter sends them, the last one wins.
            result[attribute.Key] = ToClr(attribute.Value);
        }

        return result;
    }

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
