using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Obs.Testing.Otlp;

/// <summary>
/// A loopback OTLP/HTTP "collector" that answers every export with one status (e.g. 503 with
/// <c>Retry-After</c>, as an overloaded collector does) and counts the requests.
/// </summary>
public sealed class RefusingCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private RefusingCollector(WebApplication app) => _app = app;

    /// <summary>The base address (http/protobuf; the exporter appends <c>/v1/traces</c>).</summary>
    public Uri HttpEndpoint { get; private set; } = null!;

    /// <summary>Export requests answered so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public static async Task<RefusingCollector> StartAsync(int status, int? retryAfterSeconds = null, CancellationToken cancellationToken = default)
    {
        var builder = LoopbackWebHost.CreateBuilder();
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; listen = o; }));
        var app = builder.Build();
        var collector = new RefusingCollector(app);
        app.MapPost(OtlpHttpTraceEndpoint.Path, (HttpContext context) =>
        {
            Interlocked.Increment(ref collector._requests);
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        collector.HttpEndpoint = LoopbackWebHost.LoopbackUri(LoopbackWebHost.BoundPort(listen));
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
