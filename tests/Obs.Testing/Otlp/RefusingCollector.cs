using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Obs.Testing.Otlp;

/// <summary>
/// A loopback OTLP/HTTP "collector" that answers the first <c>refusals</c> exports with one status (e.g. 503
/// with <c>Retry-After</c>, as an overloaded collector does), accepts the rest, and counts both and when they came.
/// </summary>
public sealed class RefusingCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _refusals;
    private readonly List<DateTime> _arrivals = [];
    private int _requests;
    private int _accepted;

    private RefusingCollector(WebApplication app, int refusals)
    {
        _app = app;
        _refusals = refusals;
    }

    /// <summary>The base address (http/protobuf; the exporter appends <c>/v1/traces</c>).</summary>
    public Uri HttpEndpoint { get; private set; } = null!;

    /// <summary>Export requests answered so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Exports answered 200 (after the refusals).</summary>
    public int AcceptedCount => Volatile.Read(ref _accepted);

    /// <summary>When each export arrived, in order.</summary>
    public IReadOnlyList<DateTime> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    public static async Task<RefusingCollector> StartAsync(int status, int? retryAfterSeconds = null, int refusals = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var builder = LoopbackWebHost.CreateBuilder();
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; listen = o; }));
        var app = builder.Build();
        var collector = new RefusingCollector(app, refusals);
        app.MapPost(OtlpHttpTraceEndpoint.Path, (HttpContext context) =>
        {
            lock (collector._arrivals)
            {
                collector._arrivals.Add(DateTime.UtcNow);
            }

            if (Interlocked.Increment(ref collector._requests) > collector._refusals)
            {
                Interlocked.Increment(ref collector._accepted);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return Task.CompletedTask;
            }

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
