using System.Buffers.Binary;
using System.Net.Http.Headers;
using Obs.Telemetry.Exporters;
using OpenTelemetry.Exporter;

namespace Obs.Telemetry.Spool;

/// <summary>
/// Sends spooled lines to an OTLP collector as the SDK's exporter would: protobuf over gRPC (HTTP/2,
/// length-prefixed, <c>grpc-status</c> in the trailers) or over HTTP (<c>application/x-protobuf</c>).
/// </summary>
public sealed class OtlpSpoolSender : ISpoolSender
{
    private const string GrpcExportPath = "opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private const int GrpcPrefixLength = 5;

    /// <summary>A 429/503 with <c>Retry-After</c> up to this long is waited out and retried, up to <see cref="MaxRetries"/> times.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    public const int MaxRetries = 3;

    private readonly HttpClient _client;
    private readonly OtlpTarget _target;
    private readonly IReadOnlyDictionary<string, string> _headers;

    public OtlpSpoolSender(string exporter, OtlpTarget target, IReadOnlyDictionary<string, string> headers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _headers = headers;
        _client = new HttpClient { Timeout = timeout };
        Description = $"{exporter} {TransportText.Endpoint(target.Endpoint)}";
    }

    public string Description { get; }

    public async Task<string?> SendAsync(string line, CancellationToken cancellationToken)
    {
        var payload = OtlpProtobufEncoder.Encode(line);
        try
        {
            return _target.Protocol == OtlpExportProtocol.Grpc
                ? await SendGrpcAsync(payload, cancellationToken).ConfigureAwait(false)
                : await SendHttpAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return TransportText.Of(ex);
        }
    }

    private async Task<string?> SendHttpAsync(byte[] payload, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _target.Endpoint) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            AddHeaders(request);
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            // An overloaded collector says when to come back; within reason, do as it says.
            if (attempt < MaxRetries && RetryAfter(response) is { } wait)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return TransportText.Status(response);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return wait is { } w && w >= TimeSpan.Zero && w <= MaxRetryAfter ? w : null;
    }

    private async Task<string?> SendGrpcAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var framed = new byte[GrpcPrefixLength + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(framed.AsSpan(GrpcPrefixLength));
        var endpoint = new Uri(_target.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + GrpcExportPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(framed),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        AddHeaders(request);
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return TransportText.Status(response);
        }

        // The status arrives in the trailers, after the body (or in the headers of a trailers-only answer).
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = TransportText.Header(response.TrailingHeaders, TransportText.GrpcStatusHeader) ?? TransportText.Header(response.Headers, TransportText.GrpcStatusHeader);
        return status == TransportText.GrpcOk ? null : TransportText.GrpcStatus(status, response.Headers, response.TrailingHeaders);
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        foreach (var (key, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }
    }

    public void Dispose() => _client.Dispose();
}
