using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Obs.Testing.Zipkin;

/// <summary>Handles <c>POST /api/v2/spans</c> and keeps what arrived.</summary>
internal sealed class ZipkinSpanSink
{
    public const string Path = "/api/v2/spans";

    private int _requestCount;
    private IReadOnlyDictionary<string, string>? _lastRequestHeaders;

    public ReceivedItems<ZipkinSpan> Spans { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    public IReadOnlyDictionary<string, string>? LastRequestHeaders => Volatile.Read(ref _lastRequestHeaders);

    public async Task HandleAsync(HttpContext context)
    {
        IReadOnlyList<ZipkinSpan> spans;
        try
        {
            using var body = await RequestBody.ReadAsync(context.Request).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            spans = ZipkinJsonReader.Read(document.RootElement);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Headers first so a test woken by the span signal already sees them.
        Volatile.Write(ref _lastRequestHeaders, RequestBody.Headers(context.Request));
        Interlocked.Increment(ref _requestCount);
        Spans.AddRange(spans);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
