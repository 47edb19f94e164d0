using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

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

    public CountedOtlpTraceExporter(OtlpExporterOptions options, ExporterTally tally, ExportSpool? spool)
        : base(options)
    {
        _tally = tally;
        _spool = spool;
    }

    public override ExportResult Export(in Batch<Activity> batch) =>
        CountedExport.Run(this, batch, (in Batch<Activity> b) => base.Export(b), _tally, _spool, "the collector did not accept the batch");
}
