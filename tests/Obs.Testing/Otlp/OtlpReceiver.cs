using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Obs.Testing.Otlp;

/// <summary>
/// A loopback OTLP collector for tests: OTLP/gRPC on an HTTP/2 cleartext port and OTLP/HTTP
/// (<c>POST /v1/traces</c>, protobuf) on an HTTP/1.1 port, both on 127.0.0.1 with OS-assigned ports.
/// Metrics exports (<c>/v1/metrics</c>, gRPC <c>MetricsService/Export</c>) are accepted and kept raw.
/// Start one per test with <see cref="StartAsync(CancellationToken)"/> and dispose it at the end.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OtlpExportSink _sink;
    private readonly ReceivedItems<ReceivedMetricExport> _metrics;

    private OtlpReceiver(WebApplication app, OtlpExportSink sink, ReceivedItems<ReceivedMetricExport> metrics, int grpcPort, int httpPort)
    {
        _app = app;
        _sink = sink;
        _metrics = metrics;
        GrpcEndpoint = LoopbackWebHost.LoopbackUri(grpcPort);
        HttpEndpoint = LoopbackWebHost.LoopbackUri(httpPort);
    }

    /// <summary>Where an OTLP/gRPC exporter should point, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri GrpcEndpoint { get; }

    /// <summary>Base OTLP/HTTP address, without <c>/v1/traces</c>.</summary>
    public Uri HttpEndpoint { get; }

    /// <summary>The full OTLP/HTTP traces URL (<see cref="HttpEndpoint"/> + <c>v1/traces</c>).</summary>
    public Uri HttpTracesEndpoint => new(HttpEndpoint, OtlpHttpTraceEndpoint.Path.TrimStart('/'));

    /// <summary>Every span received so far, over either transport, in arrival order.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => _sink.Spans.Snapshot();

    /// <summary>Every metrics export received so far, over either transport, in arrival order.</summary>
    public IReadOnlyList<ReceivedMetricExport> MetricExports => _metrics.Snapshot();

    /// <summary>Spans received so far; with <c>keepSpans: false</c> the only record of them.</summary>
    public long SpanCount => _sink.SpanCount;

    /// <summary>Number of export requests accepted (gRPC calls plus HTTP posts).</summary>
    public int RequestCount => _sink.RequestCount;

    /// <summary>Protobuf bytes of every export request received.</summary>
    public long PayloadBytes => _sink.PayloadBytes;

    /// <summary>Request headers of the most recent export request (case-insensitive keys); null before the first.</summary>
    public IReadOnlyDictionary<string, string>? LastRequestHeaders => _sink.LastRequestHeaders;

    public static Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(keepSpans: true, cancellationToken);

    /// <param name="keepSpans">False: only count spans and bytes (a throughput receiver that does not decode
    /// every span into <see cref="Spans"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OtlpReceiver> StartAsync(bool keepSpans, CancellationToken cancellationToken = default)
    {
        var builder = LoopbackWebHost.CreateBuilder();
        ListenOptions? grpcListen = null;
        ListenOptions? httpListen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Exporters speak gRPC with prior knowledge of HTTP/2, which cleartext Kestrel only offers on an HTTP/2-only endpoint.
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http2; grpcListen = o; });
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; httpListen = o; });
        });

        var sink = new OtlpExportSink(keepSpans);
        builder.Services.AddSingleton(sink);
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.MapGrpcService<OtlpGrpcTraceService>();
        app.MapPost(OtlpHttpTraceEndpoint.Path, (RequestDelegate)(context => OtlpHttpTraceEndpoint.HandleAsync(context, sink)));
        var metrics = new ReceivedItems<ReceivedMetricExport>();
        app.MapPost(OtlpMetricsEndpoint.HttpPath, (RequestDelegate)(context => OtlpMetricsEndpoint.HandleHttpAsync(context, metrics)));
        app.MapPost(OtlpMetricsEndpoint.GrpcPath, (RequestDelegate)(context => OtlpMetricsEndpoint.HandleGrpcAsync(context, metrics)));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new OtlpReceiver(app, sink, metrics, LoopbackWebHost.BoundPort(grpcListen), LoopbackWebHost.BoundPort(httpListen));
    }

    /// <summary>
    /// Waits until <paramref name="until"/> holds for the spans received so far, or until
    /// <paramref name="timeout"/> passes; either way returns the spans received by then.
    /// </summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(Func<IReadOnlyList<ReceivedSpan>, bool> until, TimeSpan timeout) =>
        _sink.Spans.WaitAsync(until, timeout);

    /// <summary>Waits until <paramref name="until"/> holds for the metrics exports received so far (bounded by <paramref name="timeout"/>).</summary>
    public Task<IReadOnlyList<ReceivedMetricExport>> WaitForMetricsAsync(Func<IReadOnlyList<ReceivedMetricExport>, bool> until, TimeSpan timeout) =>
        _metrics.WaitAsync(until, timeout);

    /// <summary>Waits for at least <paramref name="count"/> spans (bounded by <paramref name="timeout"/>).</summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(int count, TimeSpan timeout) =>
        _sink.Spans.WaitAsync(spans => spans.Count >= count, timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
