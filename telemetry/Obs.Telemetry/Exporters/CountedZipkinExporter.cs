using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Obs.Telemetry.Exporters;

/// <summary>The SDK's Zipkin exporter, counting the spans of each batch Zipkin accepted (see <see cref="CountedOtlpTraceExporter"/>).</summary>
// The SDK marks its Zipkin exporter obsolete in favour of OTLP, but teams running a plain Zipkin
// server need its v2 JSON API, so Obs keeps it until Zipkin speaks OTLP.
#pragma warning disable CS0618
internal sealed class CountedZipkinExporter : ZipkinExporter
#pragma warning restore CS0618
{
    private readonly ExporterTally _tally;
    private readonly ExportSpool? _spool;

#pragma warning disable CS0618
    public CountedZipkinExporter(ZipkinExporterOptions options, ExporterTally tally, ExportSpool? spool)
#pragma warning restore CS0618
        : base(options)
    {
        _tally = tally;
        _spool = spool;
    }

    public override ExportResult Export(in Batch<Activity> batch) =>
        CountedExport.Run(this, batch, (in Batch<Activity> b) => base.Export(b), _tally, _spool, "Zipkin did not accept the batch");
}
