using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Testing;
using Obs.Testing.Otlp;
using Obs.Testing.Zipkin;

namespace Obs.Telemetry.Tests.Exporters;

/// <summary>
/// Each exporter counts what its backend accepted and keeps the error it met: a dead collector is never silent.
/// Other test classes run in parallel and their Obs spans are recorded by this provider too, so the counts
/// are compared with what the receiver got and with what was recorded, and this test's own spans (named
/// with a token of the run) are checked by name.
/// </summary>
[Collection(ProcessWideSpansCollection.Name)]
public sealed class ExportLedgerTests
{
    private readonly string _token = Guid.NewGuid().ToString("N")[..12];

    [Theory]
    [InlineData(OtlpWireProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf)]
    public async Task Otlp_LiveCollector_ExportedEqualsWhatArrived_NoneFailed(OtlpWireProtocol protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = protocol == OtlpWireProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint;

        var report = Emit(options, spans: 7);

        var otlp = Assert.Single(report.Exporters);
        Assert.Equal(7, receiver.Spans.Count(s => s.Name.Contains(_token, StringComparison.Ordinal)));
        Assert.Equal(receiver.Spans.Count, otlp.Exported);
        Assert.Equal(report.Recorded, otlp.Exported);
        Assert.Equal(0, otlp.Failed);
        Assert.Null(otlp.LastError);
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task Zipkin_LiveServer_ExportedEqualsWhatArrived()
    {
        await using var receiver = await ZipkinReceiver.StartAsync();
        var options = ObsTelemetryHost.Options();
        options.Exporters = [ExporterKind.Zipkin];
        options.ZipkinEndpoint = receiver.SpansEndpoint;

        var report = Emit(options, spans: 3);

        var zipkin = Assert.Single(report.Exporters);
        Assert.Equal(3, receiver.Spans.Count(s => s.Name?.Contains(_token, StringComparison.Ordinal) == true));
        Assert.Equal(receiver.Spans.Count, zipkin.Exported);
        Assert.Equal(report.Recorded, zipkin.Exported);
        Assert.Equal(0, zipkin.Failed);
    }

    [Theory]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.Grpc)]
    [InlineData(ExporterKind.Otlp, OtlpWireProtocol.HttpProtobuf)]
    [InlineData(ExporterKind.Jaeger, OtlpWireProtocol.Grpc)]
    [InlineData(ExporterKind.Zipkin, OtlpWireProtocol.Grpc)]
    public void DeadCollector_EverySpanFailed_ErrorSaysConnectionRefused(ExporterKind kind, OtlpWireProtocol protocol)
    {
        var dead = LoopbackPorts.GetUnusedEndpoint();
        var options = ObsTelemetryHost.Options();
        options.Exporters = [kind];
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = dead;
        options.JaegerEndpoint = dead;
        options.ZipkinEndpoint = new Uri(dead, "api/v2/spans");

        var report = Emit(options, spans: 4);

        var exporter = Assert.Single(report.Exporters);
        Assert.Equal(0, exporter.Exported);
        Assert.Equal(report.Recorded, exporter.Failed);
        Assert.True(exporter.Failed >= 4, $"{exporter.Failed} failed");
        Assert.Contains("Connection refused", exporter.LastError, StringComparison.Ordinal);
        Assert.Contains(dead.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), exporter.Target, StringComparison.Ordinal);
        Assert.True(report.HasFailures);
    }

    [Fact]
    public async Task CollectorAnswers503_SpansFailed_ErrorNamesTheStatus()
    {
        await using var collector = await RefusingCollector.StartAsync(503, retryAfterSeconds: 1);
        var options = ObsTelemetryHost.Options();
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpProtocol = OtlpWireProtocol.HttpProtobuf;
        options.OtlpEndpoint = collector.HttpEndpoint;

        var report = Emit(options, spans: 2);

        var otlp = Assert.Single(report.Exporters);
        Assert.True(collector.RequestCount >= 1);
        Assert.Equal(0, otlp.Exported);
        Assert.Equal(report.Recorded, otlp.Failed);
        Assert.True(otlp.Failed >= 2, $"{otlp.Failed} failed");
        Assert.StartsWith("HTTP 503", otlp.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_WithUserInfo_TargetNeverShowsTheCredential()
    {
        var options = ObsTelemetryHost.Options();
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpEndpoint = new Uri($"http://robot:hunter2secret@127.0.0.1:{LoopbackPorts.GetUnusedPort()}");

        var report = Emit(options, spans: 1);

        var otlp = Assert.Single(report.Exporters);
        Assert.DoesNotContain("hunter2secret", otlp.Target, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", report.Line(verbose: true), StringComparison.Ordinal);
    }

    private ExportReport Emit(ObsTelemetryOptions options, int spans)
    {
        options.OtlpTimeoutMillis = 2000;
        options.Batch.ExportTimeoutMillis = 3000;
        var services = new ServiceCollection().AddObsTelemetry(options, new Dictionary<string, string?>()).BuildServiceProvider();
        var ledger = services.GetRequiredService<ExportLedger>();
        Assert.NotNull(services.GetService<OpenTelemetry.Trace.TracerProvider>());
        using (services)
        {
            for (var i = 0; i < spans; i++)
            {
                using var span = Obs.Telemetry.Catalog.ObsActivitySources.Build.StartActivity($"build.step.{_token}-{i}");
                Assert.NotNull(span);
            }
        }

        return ledger.Report();
    }
}
