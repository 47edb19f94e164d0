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

    public CountedOtlpTraceExporter(OtlpExporterOptions options, ExporterTally tally)
        : base(options)
    {
        _tally = tally;
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var result = base.Export(batch);
        if (result == ExportResult.Success)
        {
            _tally.Delivered((int)batch.Count);
        }
        else if (_tally.LastError is null)
        {
            _tally.Failed("the collector did not accept the batch");
        }

        return result;
    }
}
