using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// The SDK's OTLP trace exporter, counting on an <see cref="ExporterTally"/> the spans of each batch the
/// collector accepted. A subclass, not a wrapper: the SDK gives the exporter its provider (and so the
/// resource) through an internal setter that a wrapper could not pass on.
/// </summary>
internal sealed class CountedOtlpTraceExporter : OtlpTraceExporter
{
    private readonly ExporterTally _tally;
    private readonly ExportSpool? _spool;
    private readonly Resource? _resource;

    /// <param name="options">The SDK exporter's options.</param>
    /// <param name="tally">Where delivered spans and errors are counted.</param>
    /// <param name="spool">Where refused batches go; none when null.</param>
    /// <param name="resource">
    /// The resource to send, for an exporter no tracer provider owns (<see cref="Tracing.DirectOtlpTracing"/>);
    /// null: the owning provider's, as the SDK does.
    /// </param>
    public CountedOtlpTraceExporter(OtlpExporterOptions options, ExporterTally tally, ExportSpool? spool, Resource? resource = null)
        : base(options)
    {
        _tally = tally;
        _spool = spool;
        _resource = resource;
        if (resource is not null)
        {
            // The SDK reads the resource from its provider the first time it needs it, into this property; set,
            // it is what every batch carries. OtlpDirectExportTests pins that it still is.
            SetResource(this, resource);
        }
    }

    public override ExportResult Export(in Batch<Activity> batch) =>
        CountedExport.Run(this, batch, (in Batch<Activity> b) => base.Export(b), _tally, _spool, "the collector did not accept the batch", _resource);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Resource")]
    private static extern void SetResource(OtlpTraceExporter exporter, Resource resource);
}
