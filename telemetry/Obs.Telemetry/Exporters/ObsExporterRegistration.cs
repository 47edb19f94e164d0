using System.Diagnostics;
using System.Globalization;
using Obs.Telemetry.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// Adds the configured exporters, any combination at once: console, OTLP (gRPC or http/protobuf),
/// Jaeger (as OTLP) and Zipkin, each behind a batch processor with the configured batch settings.
/// Exporter failures stay inside the SDK (logged to its EventSource): they never reach the traced work.
/// </summary>
public static class ObsExporterRegistration
{
    public const string OtlpName = "otlp";
    public const string JaegerName = "jaeger";
    public const string ZipkinName = "zipkin";
    public const string ConsoleName = "console";

    /// <summary>Adds every effective trace exporter of <paramref name="options"/>.</summary>
    public static TracerProviderBuilder AddObsExporters(this TracerProviderBuilder builder, ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        foreach (var kind in options.EffectiveExporters())
        {
            switch (kind)
            {
                case ExporterKind.Console:
                    // One line per span, the resource once: the SDK's exporter repeats the resource on every span.
                    builder.AddProcessor(new SimpleActivityExportProcessor(new CompactConsoleExporter()));
                    break;
                case ExporterKind.Otlp:
                    builder.AddOtlpExporter(OtlpName, o => ApplyOtlp(o, OtlpTarget.ForOtlpTraces(options), options, withHeaders: true));
                    break;
                case ExporterKind.Jaeger:
                    builder.AddOtlpExporter(JaegerName, o => ApplyOtlp(o, OtlpTarget.ForJaeger(options.JaegerEndpoint ?? ObsDefaults.OtlpGrpcEndpoint), options, withHeaders: false));
                    break;
                case ExporterKind.Zipkin:
                    // The SDK marks its Zipkin exporter obsolete in favour of OTLP, but teams running a
                    // plain Zipkin server need its v2 JSON API, so Obs keeps it until Zipkin speaks OTLP.
#pragma warning disable CS0618
                    builder.AddZipkinExporter(ZipkinName, o =>
                    {
                        o.Endpoint = options.ZipkinEndpoint ?? ObsDefaults.ZipkinEndpoint;
                        o.ExportProcessorType = ExportProcessorType.Batch;
                        o.BatchExportProcessorOptions = Batch(options.Batch);

                        // The exporter sends synchronously with HttpClient's 100 s default timeout: a Zipkin that
                        // accepts the connection but never answers would stall each batch, and the exit, on it.
                        // export_timeout_millis bounds it, as OtlpExporterOptions.TimeoutMilliseconds does for OTLP.
                        o.HttpClientFactory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(options.Batch.ExportTimeoutMillis) };
                    });
#pragma warning restore CS0618
                    break;
                default:
                    throw new UnreachableException($"Unknown exporter {kind}.");
            }
        }

        return builder;
    }

    /// <summary>
    /// Adds metric exporters for the trace exporters that have a metrics counterpart: OTLP. Zipkin
    /// and Jaeger take no metrics; the console metric exporter prints an empty resource block on
    /// every run that records none, which would bury the CLI's own output, so it is not used.
    /// </summary>
    public static MeterProviderBuilder AddObsExporters(this MeterProviderBuilder builder, ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        if (options.EffectiveExporters().Contains(ExporterKind.Otlp) && OtlpTarget.ForOtlpMetrics(options) is { } target)
        {
            builder.AddOtlpExporter(OtlpName, (exporter, reader) =>
            {
                ApplyOtlp(exporter, target, options, withHeaders: true);
                reader.PeriodicExportingMetricReaderOptions.ExportTimeoutMilliseconds = options.Batch.ExportTimeoutMillis;
            });
        }

        return builder;
    }

    /// <summary>True when at least one exporter would run.</summary>
    public static bool HasExporters(ObsTelemetryOptions options) => options.EffectiveExporters().Count > 0;

    private static void ApplyOtlp(OtlpExporterOptions o, OtlpTarget target, ObsTelemetryOptions options, bool withHeaders)
    {
        o.Endpoint = target.Endpoint;
        o.Protocol = target.Protocol;
        o.TimeoutMilliseconds = Math.Min(options.OtlpTimeoutMillis, options.Batch.ExportTimeoutMillis);
        o.Headers = withHeaders ? FormatHeaders(options.OtlpHeaders) : null;
        o.ExportProcessorType = ExportProcessorType.Batch;
        o.BatchExportProcessorOptions = Batch(options.Batch);
    }

    private static BatchExportActivityProcessorOptions Batch(BatchOptions batch) => new()
    {
        MaxQueueSize = batch.MaxQueueSize,
        ScheduledDelayMilliseconds = batch.ScheduleDelayMillis,
        MaxExportBatchSize = batch.MaxExportBatchSize,
        ExporterTimeoutMilliseconds = batch.ExportTimeoutMillis,
    };

    private static string? FormatHeaders(IDictionary<string, string> headers) =>
        headers.Count == 0
            ? null
            : string.Join(',', headers.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key}={h.Value}")));
}
