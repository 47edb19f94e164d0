using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Obs.Testing.Zipkin;

/// <summary>
/// A loopback Zipkin collector for tests: <c>POST /api/v2/spans</c> (JSON) over HTTP/1.1 on
/// 127.0.0.1 with an OS-assigned port. Start one per test with <see cref="StartAsync"/> and dispose it.
/// </summary>
public sealed class ZipkinReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ZipkinSpanSink _sink;

    private ZipkinReceiver(WebApplication app, ZipkinSpanSink sink, int port)
    {
        _app = app;
        _sink = sink;
        SpansEndpoint = LoopbackWebHost.LoopbackUri(port, ZipkinSpanSink.Path.TrimStart('/'));
    }

    /// <summary>The full URL an exporter posts to: <c>http://127.0.0.1:PORT/api/v2/spans</c>.</summary>
    public Uri SpansEndpoint { get; }

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<ZipkinSpan> Spans => _sink.Spans.Snapshot();

    /// <summary>Number of span posts accepted.</summary>
    public int RequestCount => _sink.RequestCount;

    /// <summary>Request headers of the most recent accepted post (case-insensitive keys); null before the first.</summary>
    public IReadOnlyDictionary<string, string>? LastRequestHeaders => _sink.LastRequestHeaders;

    public static async Task<ZipkinReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = LoopbackWebHost.CreateBuilder();
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; listen = o; }));

        var app = builder.Build();
        var sink = new ZipkinSpanSink();
        app.MapPost(ZipkinSpanSink.Path, (RequestDelegate)sink.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ZipkinReceiver(app, sink, LoopbackWebHost.BoundPort(listen));
    }

    /// <summary>
    /// Waits until <paramref name="until"/> holds for the spans received so far, or until
    /// <paramref name="timeout"/> passes; either way returns the spans received by then.
    /// </summary>
    public Task<IReadOnlyList<ZipkinSpan>> WaitForSpansAsync(Func<IReadOnlyList<ZipkinSpan>, bool> until, TimeSpan timeout) =>
        _sink.Spans.WaitAsync(until, timeout);

    /// <summary>Waits for at least <paramref name="count"/> spans (bounded by <paramref name="timeout"/>).</summary>
    public Task<IReadOnlyList<ZipkinSpan>> WaitForSpansAsync(int count, TimeSpan timeout) =>
        _sink.Spans.WaitAsync(spans => spans.Count >= count, timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
