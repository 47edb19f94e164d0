using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Tests.Exporters;
using Obs.Telemetry.Tracing;
using Obs.Testing;
using Obs.Testing.Otlp;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Tracing;

/// <summary>
/// <c>obs run</c>'s OTLP path without the SDK's tracer provider sends what the provider would: against a real loopback
/// collector, the same resource, scope, kind, status and (redacted) attributes as the <c>AddObsTelemetry</c> pipeline,
/// over gRPC and http/protobuf; counted on the ledger; and spooled, resource included, when the collector is away.
/// </summary>
public sealed class DirectOtlpTracingTests
{
    private static readonly Dictionary<string, string?> Environment = new();

    [Theory]
    [InlineData(OtlpWireProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf)]
    public async Task Sends_the_span_the_sdk_pipeline_sends(OtlpWireProtocol protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var source = new ActivitySource("obs-direct-" + Guid.NewGuid().ToString("N"), "1.2.3");
        var options = Options(protocol == OtlpWireProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint, protocol);

        var ledger = new ExportLedger();
        using (var direct = new DirectOtlpTracing(options, ledger, Environment, [source.Name]))
        {
            Record(source, "direct");
            Assert.True(direct.Shutdown(ObsTelemetryHost.FlushMillis), "the direct exporters did not finish in time");
        }

        using (var services = new ServiceCollection().AddObsTelemetry(options, Environment, metrics: false)
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(source.Name)).BuildServiceProvider())
        {
            var provider = services.GetRequiredService<TracerProvider>();
            Record(source, "sdk");
            Assert.True(provider.Shutdown(ObsTelemetryHost.FlushMillis));
        }

        var spans = await receiver.WaitForSpansAsync(2, TimeSpan.FromSeconds(10));
        var viaDirect = Assert.Single(spans, s => s.Name == "direct");
        var viaSdk = Assert.Single(spans, s => s.Name == "sdk");
        Assert.Equal(Without(viaSdk.Resource, "service.instance.id"), Without(viaDirect.Resource, "service.instance.id"));
        Assert.Equal(options.ServiceName, viaDirect.Resource["service.name"]);
        Assert.Equal(viaSdk.Attributes, viaDirect.Attributes);
        Assert.Equal(["make", "--token", "[REDACTED]"], (IEnumerable<object?>)viaDirect.Attributes[AttributeKeys.Process.CommandArgs]!);
        Assert.Equal((viaSdk.ScopeName, viaSdk.Kind, viaSdk.StatusCode, viaSdk.StatusMessage), (viaDirect.ScopeName, viaDirect.Kind, viaDirect.StatusCode, viaDirect.StatusMessage));
        Assert.Equal(protocol == OtlpWireProtocol.Grpc ? OtlpTransport.Grpc : OtlpTransport.Http, viaDirect.Transport);

        var outcome = Assert.Single(ledger.Report().Exporters);
        Assert.Equal((1L, 1L, 0L), (ledger.Recorded, outcome.Exported, outcome.Failed));
    }

    [Fact]
    public async Task Jaeger_is_sent_as_otlp_to_its_own_endpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var source = new ActivitySource("obs-direct-jaeger-" + Guid.NewGuid().ToString("N"));
        var options = Options(LoopbackPorts.GetUnusedEndpoint(), OtlpWireProtocol.Grpc);
        options.Exporters = [ExporterKind.Jaeger];
        options.JaegerEndpoint = receiver.GrpcEndpoint;
        var ledger = new ExportLedger();
        using (var direct = new DirectOtlpTracing(options, ledger, Environment, [source.Name]))
        {
            Record(source, "to-jaeger");
            Assert.True(direct.Shutdown(ObsTelemetryHost.FlushMillis));
        }

        var span = Assert.Single(await receiver.WaitForSpansAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(options.ServiceName, span.Resource["service.name"]);
        var outcome = Assert.Single(ledger.Report().Exporters);
        Assert.Equal((ObsExporterRegistration.JaegerName, 1L), (outcome.Name, outcome.Exported));
    }

    [Fact]
    public void A_collector_that_is_away_gets_the_span_spooled_with_its_resource()
    {
        var spoolDirectory = Directory.CreateTempSubdirectory("obs-direct-spool-").FullName;
        try
        {
            using var source = new ActivitySource("obs-direct-dead-" + Guid.NewGuid().ToString("N"));
            var options = Options(LoopbackPorts.GetUnusedEndpoint(), OtlpWireProtocol.Grpc);
            options.Spool.Directory = spoolDirectory;
            var ledger = new ExportLedger();
            string traceId;
            var clock = Stopwatch.StartNew();
            using (var direct = new DirectOtlpTracing(options, ledger, Environment, [source.Name]))
            {
                traceId = Record(source, "offline");
                direct.Shutdown(ObsTelemetryHost.FlushMillis);
            }

            Assert.True(clock.ElapsedMilliseconds < ObsTelemetryHost.FlushMillis, $"shutdown took {clock.ElapsedMilliseconds} ms");
            var outcome = Assert.Single(ledger.Report().Exporters);
            Assert.Equal((0L, 1L), (outcome.Exported, outcome.Spooled));
            var line = Assert.Single(Directory.GetFiles(spoolDirectory, "*.jsonl").SelectMany(File.ReadAllLines));
            Assert.Contains(traceId, line, StringComparison.Ordinal);
            Assert.Contains(options.ServiceName, line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(spoolDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData(OtlpWireProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf)]
    public void A_collector_that_accepts_and_never_answers_costs_at_most_the_export_timeout(OtlpWireProtocol protocol)
    {
        // The kernel completes the TCP handshake from the backlog; nothing ever reads or replies.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            using var source = new ActivitySource("obs-direct-silent-" + Guid.NewGuid().ToString("N"));
            var options = Options(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), protocol);
            options.OtlpTimeoutMillis = 500;
            var ledger = new ExportLedger();
            var clock = Stopwatch.StartNew();
            using (var direct = new DirectOtlpTracing(options, ledger, Environment, [source.Name]))
            {
                Record(source, "unanswered");
                direct.Shutdown(options.Batch.ExportTimeoutMillis);
            }

            Assert.InRange(clock.ElapsedMilliseconds, 0, options.Batch.ExportTimeoutMillis + 1000);
            var outcome = Assert.Single(ledger.Report().Exporters);
            Assert.Equal((1L, 0L, 1L), (ledger.Recorded, outcome.Exported, outcome.Failed));
            Assert.NotNull(outcome.LastError);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void Spans_the_sampler_drops_are_neither_counted_nor_sent()
    {
        using var source = new ActivitySource("obs-direct-off-" + Guid.NewGuid().ToString("N"));
        var options = Options(LoopbackPorts.GetUnusedEndpoint(), OtlpWireProtocol.Grpc);
        options.Sampling.Type = SamplerType.AlwaysOff;
        var ledger = new ExportLedger();
        using (var direct = new DirectOtlpTracing(options, ledger, Environment, [source.Name]))
        {
            Record(source, "dropped");
            Assert.True(direct.Shutdown(ObsTelemetryHost.FlushMillis));
        }

        Assert.Equal(0, ledger.Recorded);
        Assert.Equal(0, Assert.Single(ledger.Report().Exporters).Spooled);
    }

    [Fact]
    public void Refuses_options_with_an_exporter_that_is_not_otlp()
    {
        var options = Options(LoopbackPorts.GetUnusedEndpoint(), OtlpWireProtocol.Grpc);
        options.Exporters = [ExporterKind.Otlp, ExporterKind.Zipkin];

        Assert.Throws<ArgumentException>(() => new DirectOtlpTracing(options, new ExportLedger(), Environment));
    }

    private static ObsTelemetryOptions Options(Uri endpoint, OtlpWireProtocol protocol)
    {
        var options = ObsTelemetryHost.Options("obs-direct-tests-" + Guid.NewGuid().ToString("N"));
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpEndpoint = endpoint;
        options.OtlpProtocol = protocol;
        options.Batch.ExportTimeoutMillis = 2000;
        return options;
    }

    private static string Record(ActivitySource source, string name)
    {
        using var span = source.StartActivity(name, ActivityKind.Client);
        Assert.NotNull(span);
        span.SetTag(AttributeKeys.Process.ExecutableName, "make");
        span.SetTag(AttributeKeys.Process.CommandArgs, new[] { "make", "--token", "s3cr3t-value" });
        span.SetTag(AttributeKeys.Process.ExitCode, 2);
        span.SetStatus(ActivityStatusCode.Error, "exit code 2");
        return span.TraceId.ToHexString();
    }

    private static Dictionary<string, object?> Without(IReadOnlyDictionary<string, object?> attributes, string key) =>
        attributes.Where(a => a.Key != key).ToDictionary(a => a.Key, a => a.Value);
}
