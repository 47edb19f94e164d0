using System.Globalization;
using System.Text.Json;

namespace Obs.Telemetry.Spool;

/// <summary>
/// Turns a spooled OTLP JSON <c>TracesData</c> line back into the protobuf an OTLP collector takes
/// (<c>ExportTraceServiceRequest</c> has the same fields), ids and times unchanged, so replayed spans
/// join the traces they belong to. Field numbers are opentelemetry-proto's.
/// </summary>
public static class OtlpProtobufEncoder
{
    /// <summary>The protobuf bytes of one spooled line.</summary>
    /// <exception cref="JsonException">The line is not OTLP JSON.</exception>
    public static byte[] Encode(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        var request = new ProtobufWriter();
        foreach (var resourceSpans in OtlpJson.Items(document.RootElement, OtlpJson.ResourceSpans))
        {
            request.Message(1, rs =>
            {
                if (resourceSpans.TryGetProperty(OtlpJson.Resource, out var resource))
                {
                    rs.Message(1, r => Attributes(r, 1, resource));
                }

                foreach (var scopeSpans in OtlpJson.Items(resourceSpans, OtlpJson.ScopeSpans))
                {
                    rs.Message(2, ss =>
                    {
                        if (scopeSpans.TryGetProperty(OtlpJson.Scope, out var scope))
                        {
                            ss.Message(1, s =>
                            {
                                OptionalString(s, 1, scope, OtlpJson.Name);
                                OptionalString(s, 2, scope, OtlpJson.Version);
                            });
                        }

                        foreach (var span in OtlpJson.Items(scopeSpans, OtlpJson.Spans))
                        {
                            ss.Message(2, w => Span(w, span));
                        }
                    });
                }
            });
        }

        return request.ToArray();
    }

    /// <summary>How many spans the line holds.</summary>
    public static int CountSpans(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        return OtlpJson.Items(document.RootElement, OtlpJson.ResourceSpans)
            .SelectMany(rs => OtlpJson.Items(rs, OtlpJson.ScopeSpans))
            .Sum(ss => OtlpJson.Items(ss, OtlpJson.Spans).Count());
    }

    private static void Span(ProtobufWriter w, JsonElement span)
    {
        w.Bytes(1, Convert.FromHexString(span.GetProperty(OtlpJson.TraceId).GetString()!));
        w.Bytes(2, Convert.FromHexString(span.GetProperty(OtlpJson.SpanId).GetString()!));
        OptionalString(w, 3, span, OtlpJson.TraceState);
        if (span.TryGetProperty(OtlpJson.ParentSpanId, out var parent) && parent.GetString() is { Length: > 0 } parentId)
        {
            w.Bytes(4, Convert.FromHexString(parentId));
        }

        OptionalString(w, 5, span, OtlpJson.Name);
        if (span.TryGetProperty(OtlpJson.Kind, out var kind))
        {
            w.Varint(6, (ulong)kind.GetInt32());
        }

        w.Fixed64(7, Nanos(span, OtlpJson.StartTimeUnixNano));
        w.Fixed64(8, Nanos(span, OtlpJson.EndTimeUnixNano));
        Attributes(w, 9, span);
        foreach (var e in OtlpJson.Items(span, OtlpJson.Events))
        {
            w.Message(11, ew =>
            {
                ew.Fixed64(1, Nanos(e, OtlpJson.TimeUnixNano));
                OptionalString(ew, 2, e, OtlpJson.Name);
                Attributes(ew, 3, e);
            });
        }

        foreach (var link in OtlpJson.Items(span, OtlpJson.Links))
        {
            w.Message(13, lw =>
            {
                lw.Bytes(1, Convert.FromHexString(link.GetProperty(OtlpJson.TraceId).GetString()!));
                lw.Bytes(2, Convert.FromHexString(link.GetProperty(OtlpJson.SpanId).GetString()!));
                OptionalString(lw, 3, link, OtlpJson.TraceState);
                Attributes(lw, 4, link);
            });
        }

        if (span.TryGetProperty(OtlpJson.Status, out var status))
        {
            w.Message(15, sw =>
            {
                OptionalString(sw, 2, status, OtlpJson.Message);
                if (status.TryGetProperty(OtlpJson.Code, out var code) && code.GetInt32() != 0)
                {
                    sw.Varint(3, (ulong)code.GetInt32());
                }
            });
        }
    }

    private static void Attributes(ProtobufWriter w, int field, JsonElement owner)
    {
        foreach (var attribute in OtlpJson.Items(owner, OtlpJson.Attributes))
        {
            w.Message(field, kv =>
            {
                kv.String(1, attribute.GetProperty(OtlpJson.Key).GetString()!);
                kv.Message(2, v => Value(v, attribute.GetProperty(OtlpJson.Value)));
            });
        }
    }

    private static void Value(ProtobufWriter w, JsonElement value)
    {
        if (value.TryGetProperty(OtlpJson.StringValue, out var s))
        {
            w.String(1, s.GetString() ?? "");
        }
        else if (value.TryGetProperty(OtlpJson.BoolValue, out var b))
        {
            w.Varint(2, b.GetBoolean() ? 1UL : 0UL);
        }
        else if (value.TryGetProperty(OtlpJson.IntValue, out var i))
        {
            var number = i.ValueKind == JsonValueKind.String ? long.Parse(i.GetString()!, CultureInfo.InvariantCulture) : i.GetInt64();
            w.Varint(3, unchecked((ulong)number));
        }
        else if (value.TryGetProperty(OtlpJson.DoubleValue, out var d))
        {
            w.Fixed64(4, BitConverter.DoubleToUInt64Bits(d.GetDouble()));
        }
        else if (value.TryGetProperty(OtlpJson.ArrayValue, out var array))
        {
            w.Message(5, a =>
            {
                foreach (var item in OtlpJson.Items(array, OtlpJson.Values))
                {
                    a.Message(1, iv => Value(iv, item));
                }
            });
        }
    }

    private static void OptionalString(ProtobufWriter w, int field, JsonElement owner, string name)
    {
        if (owner.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text)
        {
            w.String(field, text);
        }
    }

    private static ulong Nanos(JsonElement owner, string name)
    {
        var value = owner.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? ulong.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetUInt64();
    }
}
