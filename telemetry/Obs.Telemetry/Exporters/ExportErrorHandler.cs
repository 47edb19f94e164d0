namespace Obs.Telemetry.Exporters;

/// <summary>
/// Sits in an exporter's <see cref="HttpClient"/> and keeps what went wrong sending — the socket error,
/// the timeout, the HTTP status — on the exporter's <see cref="ExporterTally"/>: the SDK's exporters
/// swallow it into their EventSource, where a CLI user never sees it. Never changes the response.
/// </summary>
internal sealed class ExportErrorHandler : DelegatingHandler
{
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
            _tally.Failed(TransportText.Of(ex));
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
            _tally.Failed(TransportText.Of(ex));
            throw;
        }
    }

    private HttpResponseMessage Observe(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            _tally.Failed(TransportText.Status(response));
        }
        else if (TransportText.Header(response.Headers, TransportText.GrpcStatusHeader) is { } code && code != TransportText.GrpcOk)
        {
            // A trailers-only gRPC answer carries its status in the headers.
            _tally.Failed(TransportText.GrpcStatus(code, response.Headers));
        }

        return response;
    }
}
