using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Obs.Telemetry;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using OpenTelemetry.Trace;

namespace Obs.Bench.Telemetry;

/// <summary>
/// Spans through the real Obs pipeline (AddObsTelemetry: sampler, redaction, batch processor, the OTLP
/// exporter) to a loopback OTLP receiver in its own process (<see cref="ReceiverProcess"/>): sustained spans/s flat out, drops at a paced rate with the
/// default queue, and protobuf bytes per span as received.
/// </summary>
internal static class ExportThroughput
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public sealed record Result(string Transport, string Mode, long Recorded, long Received, long Failed, TimeSpan Elapsed, double BytesPerSpan)
    {
        public double SpansPerSecond => Received / Elapsed.TotalSeconds;

        public string Row(string target, bool met) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {Transport} | {Mode} | {Recorded:N0} | {Received:N0} | {Failed:N0} | {Elapsed.TotalSeconds:F2} s | {SpansPerSecond:N0} | {BytesPerSpan:F0} B | {target} | {(met ? "met" : "NOT met")} |");
    }

    /// <param name="receiver">The receiver process; its counts are cumulative, so each run takes deltas.</param>
    /// <param name="protocol">gRPC or http/protobuf.</param>
    /// <param name="batch">The batch processor's settings (the defaults unless the command line says otherwise).</param>
    /// <param name="spans">How many spans to send.</param>
    /// <param name="perSecond">Pace; 0 sends flat out.</param>
    public static async Task<Result> RunAsync(ReceiverProcess receiver, OtlpWireProtocol protocol, BatchOptions batch, int spans, int perSecond)
    {
        var (spansBefore, bytesBefore) = receiver.Count();
        var options = new ObsTelemetryOptions { ServiceName = "obs-bench" };
        options.Batch.MaxQueueSize = batch.MaxQueueSize;
        options.Batch.MaxExportBatchSize = batch.MaxExportBatchSize;
        options.Exporters = [ExporterKind.Otlp];
        options.OtlpProtocol = protocol;
        options.OtlpEndpoint = protocol == OtlpWireProtocol.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint;
        var services = new ServiceCollection().AddObsTelemetry(options, new Dictionary<string, string?>()).BuildServiceProvider();
        var ledger = services.GetRequiredService<ExportLedger>();
        _ = services.GetRequiredService<TracerProvider>();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < spans; i++)
        {
            using (var span = ObsActivitySources.Build.StartActivity(SpanNames.BuildStep("compile")))
            {
                span?.SetTag(AttributeKeys.Build.StepName, "compile");
                span?.SetTag(AttributeKeys.Build.StepExitCode, 0);
            }

            if (perSecond > 0 && i % 1000 == 999)
            {
                var due = TimeSpan.FromSeconds((i + 1) / (double)perSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }
        }

        services.GetRequiredService<TracerProvider>().ForceFlush((int)Drain.TotalMilliseconds);
        var deadline = clock.Elapsed + Drain;
        var recorded = ledger.Recorded;
        var exported = ledger.Exporters[0];
        var (received, bytes) = Received(receiver, spansBefore, bytesBefore);
        while (received < exported.Exported && clock.Elapsed < deadline)
        {
            await Task.Delay(10);
            (received, bytes) = Received(receiver, spansBefore, bytesBefore);
        }

        var elapsed = clock.Elapsed;
        await services.DisposeAsync();
        return new Result(protocol == OtlpWireProtocol.Grpc ? "gRPC" : "HTTP", perSecond == 0 ? "flat out" : $"{perSecond:N0}/s", recorded, received, recorded - received, elapsed, received == 0 ? 0 : bytes / (double)received);
    }

    private static (long Spans, long Bytes) Received(ReceiverProcess receiver, long spansBefore, long bytesBefore)
    {
        var (spans, bytes) = receiver.Count();
        return (spans - spansBefore, bytes - bytesBefore);
    }
}
