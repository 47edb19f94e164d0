using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Obs.Telemetry.Exporters;

namespace Obs.Telemetry.Spool;

/// <summary>
/// Sends spooled lines to Zipkin's v2 API: each OTLP span becomes a Zipkin span with the same trace,
/// span and parent ids, microsecond timestamp and duration, kind, the service from the resource, and
/// its attributes and status as tags — what the SDK's Zipkin exporter would have sent.
/// </summary>
public sealed class ZipkinSpoolSender : ISpoolSender
{
    private static readonly string[] _kinds = ["", "", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];

    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly string _serviceName;

    public ZipkinSpoolSender(Uri endpoint, string serviceName, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _serviceName = serviceName;
        _client = new HttpClient { Timeout = timeout };
        Description = $"zipkin {TransportText.Endpoint(endpoint)}";
    }

    public string Description { get; }

    public async Task<string?> SendAsync(string line, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(ToZipkin(line, _serviceName));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await _client.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : TransportText.Status(response);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return TransportText.Of(ex);
        }
    }

    /// <summary>The Zipkin v2 JSON array for one spooled line.</summary>
    public static byte[] ToZipkin(string line, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var resourceSpans in OtlpJson.Items(document.RootElement, OtlpJson.ResourceSpans))
            {
                var service = resourceSpans.TryGetProperty(OtlpJson.Resource, out var resource)
                    ? OtlpJson.Items(resource, OtlpJson.Attributes).Where(a => a.GetProperty(OtlpJson.Key).GetString() == "service.name").Select(Text).FirstOrDefault() ?? serviceName
                    : serviceName;
                foreach (var span in OtlpJson.Items(resourceSpans, OtlpJson.ScopeSpans).SelectMany(ss => OtlpJson.Items(ss, OtlpJson.Spans)))
                {
                    WriteSpan(json, span, service);
                }
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSpan(Utf8JsonWriter json, JsonElement span, string service)
    {
        var start = ulong.Parse(span.GetProperty(OtlpJson.StartTimeUnixNano).GetString()!, CultureInfo.InvariantCulture);
        var end = ulong.Parse(span.GetProperty(OtlpJson.EndTimeUnixNano).GetString()!, CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteString("traceId", span.GetProperty(OtlpJson.TraceId).GetString());
        json.WriteString("id", span.GetProperty(OtlpJson.SpanId).GetString());
        if (span.TryGetProperty(OtlpJson.ParentSpanId, out var parent))
        {
            json.WriteString("parentId", parent.GetString());
        }

        json.WriteString("name", span.GetProperty(OtlpJson.Name).GetString());
        var kind = span.TryGetProperty(OtlpJson.Kind, out var k) ? k.GetInt32() : 1;
        if (kind > 1 && kind < _kinds.Length)
        {
            json.WriteString("kind", _kinds[kind]);
        }

        json.WriteNumber("timestamp", start / 1000);
        json.WriteNumber("duration", Math.Max(1, (end - start) / 1000));
        json.WriteStartObject("localEndpoint");
        json.WriteString("serviceName", service);
        json.WriteEndObject();
        json.WriteStartObject("tags");
        foreach (var attribute in OtlpJson.Items(span, OtlpJson.Attributes))
        {
            json.WriteString(attribute.GetProperty(OtlpJson.Key).GetString()!, Text(attribute));
        }

        if (span.TryGetProperty(OtlpJson.Status, out var status) && status.TryGetProperty(OtlpJson.Code, out var code) && code.GetInt32() == 2)
        {
            json.WriteString("otel.status_code", "ERROR");
            json.WriteString("error", status.TryGetProperty(OtlpJson.Message, out var message) ? message.GetString() : "");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Text(JsonElement attribute)
    {
        var value = attribute.GetProperty(OtlpJson.Value);
        foreach (var property in value.EnumerateObject())
        {
            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Object => property.Value.GetRawText(),
                _ => property.Value.GetRawText(),
            };
        }

        return "";
    }

    public void Dispose() => _client.Dispose();
}
