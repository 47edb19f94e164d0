using System.Text.Json;

namespace Obs.Testing.Zipkin;

/// <summary>Reads a Zipkin v2 JSON span list (<c>[{traceId, id, ...}, ...]</c>).</summary>
internal static class ZipkinJsonReader
{
    public static IReadOnlyList<ZipkinSpan> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A Zipkin v2 span post is a JSON array.");
        }

        return [.. root.EnumerateArray().Select(ReadSpan)];
    }

    private static ZipkinSpan ReadSpan(JsonElement span) => new()
    {
        TraceId = String(span, "traceId") ?? throw new JsonException("Zipkin span without traceId."),
        Id = String(span, "id") ?? throw new JsonException("Zipkin span without id."),
        ParentId = String(span, "parentId"),
        Name = String(span, "name"),
        Kind = String(span, "kind"),
        Timestamp = Int64(span, "timestamp"),
        Duration = Int64(span, "duration"),
        ServiceName = span.TryGetProperty("localEndpoint", out var endpoint) ? String(endpoint, "serviceName") : null,
        Tags = ReadTags(span),
        Annotations = ReadAnnotations(span),
    };

    private static Dictionary<string, string> ReadTags(JsonElement span)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (span.TryGetProperty("tags", out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in element.EnumerateObject())
            {
                // v2 says tag values are strings; keep anything else verbatim so a test can see the violation.
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
            }
        }

        return tags;
    }

    private static ZipkinAnnotation[] ReadAnnotations(JsonElement span) =>
        span.TryGetProperty("annotations", out var element) && element.ValueKind == JsonValueKind.Array
            ? [.. element.EnumerateArray().Select(a => new ZipkinAnnotation(Int64(a, "timestamp") ?? 0, String(a, "value") ?? ""))]
            : [];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int64(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
