namespace Obs.Telemetry.Exporters;

/// <summary>
/// Sits in an exporter's <see cref="HttpClient"/> and keeps what went wrong sending — the socket error,
/// the timeout, the HTTP status — on the exporter's <see cref="ExporterTally"/>: the SDK's exporters
/// swallow it into their EventSource, where a CLI user never sees it. Never changes the response.
/// </summary>
internal sealed class ExportErrorHandler : DelegatingHandler
{
    private const string GrpcStatusHeader = "grpc-status";
    private const string GrpcMessageHeader = "grpc-message";

    private readonly ExporterTally _tally;

    public ExportErrorHandler(ExporterTally tally)
        : base(new SocketsHttpHandler())
    {
        _tally = tally;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return Observe(base.Send(request, cancellationToken));
        }
        catch (Exception ex)
        {
            _tally.Failed(Describe(ex));
            throw;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return Observe(await base.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            _tally.Failed(Describe(ex));
            throw;
        }
    }

    private HttpResponseMessage Observe(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            _tally.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }
        else if (response.Headers.TryGetValues(GrpcStatusHeader, out var status) && status.FirstOrDefault() is { } code && code != "0")
        {
            // A trailers-only gRPC answer carries its status in the headers.
            var message = response.Headers.TryGetValues(GrpcMessageHeader, out var text) ? Uri.UnescapeDataString(text.FirstOrDefault() ?? "") : "";
            _tally.Failed($"gRPC status {code} {message}".TrimEnd());
        }

        return response;
    }

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timed out (tracing.otlp_timeout_millis / export_timeout_millis)",
        HttpRequestException { InnerException: { } inner } http when !http.Message.Contains(inner.Message, StringComparison.Ordinal) => $"{http.Message} {inner.Message}",
        _ => ex.Message,
    };
}
