using System.Diagnostics;
using Obs.Telemetry.Spool;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Exporters;

/// <summary>One exporter's way into the <see cref="SpanSpool"/>: a refused batch becomes one OTLP JSON line, counted on its tally.</summary>
internal sealed class ExportSpool(SpanSpool spool, string exporter, ExporterTally tally)
{
    public void Keep(Resource resource, IReadOnlyList<Activity> spans)
    {
        try
        {
            var dropped = spool.Append(exporter, OtlpJsonWriter.Write(resource, spans), spans.Count);
            if (dropped >= 0)
            {
                tally.SpooledSpans(spans.Count);
                tally.DroppedFromSpool(dropped);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Spooling is best effort: the spans count as failed, and the traced work goes on.
        }
    }
}
