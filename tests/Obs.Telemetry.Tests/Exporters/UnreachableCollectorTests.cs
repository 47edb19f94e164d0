using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;
using Obs.Testing;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class UnreachableCollectorTests
{
    private const int OtlpTimeoutMillis = 1000;
    private const int ExportTimeoutMillis = 2000;

    // Every export gives up after ExportTimeoutMillis at the latest, so neither a flush nor the shutdown
    // may take longer (plus slack for a busy machine). Without the timeout the SDK's own shutdown wait is 5 s.
    private static readonly TimeSpan _bound = TimeSpan.FromMilliseconds(ExportTimeoutMillis + 1500);

    [Theory]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.Grpc)]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.HttpProtobuf)]
    [InlineData(ExporterKind.Jaeger, OtlpWireProtocol.Grpc)]
    [InlineData(ExporterKind.Zipkin, OtlpWireProtocol.Grpc)]
    public void Exporter_ConnectionRefused_SpansNeverThrowAndFlushAndDisposeReturnInTime(ExporterKind kind, OtlpWireProtocol protocol) =>
        AssertBounded(kind, protocol, LoopbackPorts.GetUnusedEndpoint());

    [Theory]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.Grpc)]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.HttpProtobuf)]
    [InlineData(ExporterKind.Zipkin, OtlpWireProtocol.Grpc)]
    public void Exporter_CollectorAcceptsButNeverAnswers_SpansNeverThrowAndFlushAndDisposeReturnInTime(ExporterKind kind, OtlpWireProtocol protocol)
    {
        // The kernel completes the TCP handshake from the backlog; nothing ever reads or replies.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            AssertBounded(kind, protocol, new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"));
        }
        finally
        {
            silent.Stop();
        }
    }

    private static void AssertBounded(ExporterKind kind, OtlpWireProtocol protocol, Uri deadEndpoint)
    {
        var options = ObsTelemetryHost.Options();
        options.Exporters = [kind];
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = deadEndpoint;
        options.JaegerEndpoint = deadEndpoint;
        options.ZipkinEndpoint = new Uri(deadEndpoint, "api/v2/spans");
        options.OtlpTimeoutMillis = OtlpTimeoutMillis;
        options.Batch.ExportTimeoutMillis = ExportTimeoutMillis;

        TimeSpan flush;
        TimeSpan dispose;
        var host = ObsTelemetryHost.Start(options);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.NotNull(BuildTrace.Emit());
                using var failing = ObsActivitySources.Build.StartSpan(SpanNames.BuildStep("failing"));
                failing.RecordFailure(new InvalidOperationException("step failed"));
            }

            var clock = Stopwatch.StartNew();
            _ = host.TryFlush();
            flush = clock.Elapsed;
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            host.Dispose();
            dispose = clock.Elapsed;
        }

        Assert.True(flush < _bound, $"ForceFlush took {flush}");
        Assert.True(dispose < _bound, $"Dispose took {dispose}");
    }
}
