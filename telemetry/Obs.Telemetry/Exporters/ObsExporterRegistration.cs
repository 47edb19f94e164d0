using System.Diagnostics;
using System.Globalization;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Spool;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// Adds the configured exporters, any combination at once: console, OTLP (gRPC or http/protobuf),
/// Jaeger (as OTLP) and Zipkin, each behind a batch processor with the configured batch settings.
/// Exporter failures never reach the traced work; each exporter counts what it delivered and keeps its
/// last error on an <see cref="ExportLedger"/>, which the CLI reports in one line at exit.
/// </summary>
public static class ObsExporterRegistration
{
    public const string OtlpName = "otlp";
    public const string JaegerName = "jaeger";
    public const string ZipkinName = "zipkin";
    public const string ConsoleName = "console";

    // The SDK's default period: a long-running host (obs serve) exports every minute; the CLI's verbs flush at exit.
    private const int MetricExportIntervalMillis = 60_000;

    /// <summary>
    /// Adds every effective trace exporter of <paramref name="options"/>, each counting on
    /// <paramref name="ledger"/> what it delivered and the last error it met (a fresh ledger when null).
    /// </summary>
    public static TracerProviderBuilder AddObsExporters(this TracerProviderBuilder builder, ObsTelemetryOptions options, ExportLedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ledger ??= new ExportLedger();
        var spool = SpoolOf(options);

        builder.AddProcessor(new RecordedSpanCounter(ledger));
        foreach (var kind in options.EffectiveExporters())
        {
            switch (kind)
            {
                case ExporterKind.Console:
                    // One line per span, the resource once: the SDK's exporter repeats the resource on every span.
                    builder.AddProcessor(new SimpleActivityExportProcessor(new CompactConsoleExporter(tally: ledger.For(ConsoleName, null))));
                    break;
                case ExporterKind.Otlp:
                case ExporterKind.Jaeger:
                    builder.AddProcessor(BatchProcessor(OtlpFamilyExporter(kind, options, ledger, spool, resource: null), options.Batch));
                    break;
                case ExporterKind.Zipkin:
                    builder.AddProcessor(ZipkinProcessor(options, ledger, spool));
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
            // Built here rather than with AddOtlpExporter(name, configure): that resolves named options through the
            // container's open generics, which NativeAOT's type loader builds at run time — ~8 % of a short
            // `obs build`'s CPU (docs/PERFORMANCE.md). Same exporter, reader and cumulative temporality.
            var exporterOptions = new OtlpExporterOptions();
            ApplyOtlp(exporterOptions, target, options, withHeaders: true);
            builder.AddReader(new PeriodicExportingMetricReader(
                new OtlpMetricExporter(exporterOptions),
                exportIntervalMilliseconds: MetricExportIntervalMillis,
                exportTimeoutMilliseconds: options.Batch.ExportTimeoutMillis));
        }

        return builder;
    }

    /// <summary>True when at least one exporter would run.</summary>
    public static bool HasExporters(ObsTelemetryOptions options) => options.EffectiveExporters().Count > 0;

    /// <summary>
    /// True when every effective exporter speaks OTLP (OTLP, Jaeger): what <see cref="DirectOtlpExporters"/> can build.
    /// </summary>
    public static bool OtlpOnly(ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exporters = options.EffectiveExporters();
        return exporters.Count > 0 && exporters.All(kind => kind is ExporterKind.Otlp or ExporterKind.Jaeger);
    }

    /// <summary>
    /// The OTLP exporters of <paramref name="options"/> as <see cref="AddObsExporters(TracerProviderBuilder, ObsTelemetryOptions, ExportLedger?)"/>
    /// builds them (targets, headers, timeouts, counting, spool), for a host that feeds them without a tracer provider:
    /// they send <paramref name="resource"/>. Only for <see cref="OtlpOnly"/> options.
    /// </summary>
    internal static IReadOnlyList<BaseExporter<Activity>> DirectOtlpExporters(ObsTelemetryOptions options, ExportLedger ledger, OpenTelemetry.Resources.Resource resource)
    {
        var spool = SpoolOf(options);
        return [.. options.EffectiveExporters().Select(kind => OtlpFamilyExporter(kind, options, ledger, spool, resource))];
    }

    private static SpanSpool? SpoolOf(ObsTelemetryOptions options) =>
        options.Spool.Directory is { Length: > 0 } directory ? new SpanSpool(directory, options.Spool.MaxBytes) : null;

    // The exporters that speak OTLP: OTLP itself, with the configured headers, and Jaeger, which takes OTLP on its own endpoint.
    private static CountedOtlpTraceExporter OtlpFamilyExporter(ExporterKind kind, ObsTelemetryOptions options, ExportLedger ledger, SpanSpool? spool, OpenTelemetry.Resources.Resource? resource) => kind switch
    {
        ExporterKind.Otlp => OtlpExporter(OtlpName, OtlpTarget.ForOtlpTraces(options), options, withHeaders: true, ledger, spool, resource),
        ExporterKind.Jaeger => OtlpExporter(JaegerName, OtlpTarget.ForJaeger(options.JaegerEndpoint ?? ObsDefaults.OtlpGrpcEndpoint), options, withHeaders: false, ledger, spool, resource),
        _ => throw new ArgumentException($"{kind} is not an OTLP exporter.", nameof(kind)),
    };

    private static CountedOtlpTraceExporter OtlpExporter(string name, OtlpTarget target, ObsTelemetryOptions options, bool withHeaders, ExportLedger ledger, SpanSpool? spool, OpenTelemetry.Resources.Resource? resource)
    {
        var tally = ledger.For(name, TransportText.Endpoint(target.Endpoint));
        var exporterOptions = new OtlpExporterOptions();
        ApplyOtlp(exporterOptions, target, options, withHeaders);
        exporterOptions.HttpClientFactory = () => CountingClient(tally, exporterOptions.TimeoutMilliseconds);
        return new CountedOtlpTraceExporter(exporterOptions, tally, SpoolFor(spool, name, tally), resource);
    }

    private static BatchActivityExportProcessor ZipkinProcessor(ObsTelemetryOptions options, ExportLedger ledger, SpanSpool? spool)
    {
        var endpoint = options.ZipkinEndpoint ?? ObsDefaults.ZipkinEndpoint;
        var tally = ledger.For(ZipkinName, TransportText.Endpoint(endpoint));
#pragma warning disable CS0618 // See CountedZipkinExporter.
        var zipkin = new ZipkinExporterOptions
        {
            Endpoint = endpoint,

            // The exporter sends synchronously with HttpClient's 100 s default timeout: a Zipkin that
            // accepts the connection but never answers would stall each batch, and the exit, on it.
            // export_timeout_millis bounds it, as OtlpExporterOptions.TimeoutMilliseconds does for OTLP.
            HttpClientFactory = () => CountingClient(tally, options.Batch.ExportTimeoutMillis),
        };
#pragma warning restore CS0618
        return BatchProcessor(new CountedZipkinExporter(zipkin, tally, SpoolFor(spool, ZipkinName, tally)), options.Batch);
    }

    private static ExportSpool? SpoolFor(SpanSpool? spool, string exporter, ExporterTally tally) =>
        spool is null ? null : new ExportSpool(spool, exporter, tally);

    private static HttpClient CountingClient(ExporterTally tally, int timeoutMillis) =>
        new(new ExportErrorHandler(tally)) { Timeout = TimeSpan.FromMilliseconds(timeoutMillis) };

    private static BatchActivityExportProcessor BatchProcessor(BaseExporter<Activity> exporter, BatchOptions batch) => new(
        exporter,
        maxQueueSize: batch.MaxQueueSize,
        scheduledDelayMilliseconds: batch.ScheduleDelayMillis,
        exporterTimeoutMilliseconds: batch.ExportTimeoutMillis,
        maxExportBatchSize: batch.MaxExportBatchSize);

    private static void ApplyOtlp(OtlpExporterOptions o, OtlpTarget target, ObsTelemetryOptions options, bool withHeaders)
    {
        o.Endpoint = target.Endpoint;
        o.Protocol = target.Protocol;
        o.TimeoutMilliseconds = Math.Min(options.OtlpTimeoutMillis, options.Batch.ExportTimeoutMillis);
        o.Headers = withHeaders ? FormatHeaders(options.OtlpHeaders) : null;
    }

    private static string? FormatHeaders(IDictionary<string, string> headers) =>
        headers.Count == 0
            ? null
            : string.Join(',', headers.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key}={h.Value}")));
}
