using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Obs.Telemetry.Exporters;

/// <summary>Sends one batch through an SDK exporter.</summary>
internal delegate ExportResult ExportBatch(in Batch<Activity> batch);

/// <summary>
/// The counting both Obs exporters share: the spans of an accepted batch are counted on the tally; a
/// refused batch keeps an error on it and goes to the spool. The SDK's batch drains as it is read, so
/// with a spool the spans are taken out first and the exporter sends a copy.
/// </summary>
internal static class CountedExport
{
    /// <summary>Sends <paramref name="batch"/> with <paramref name="send"/>; a refused one is spooled carrying
    /// <paramref name="resource"/>, or the resource of <paramref name="owner"/>'s provider when that is null.</summary>
    public static ExportResult Run(BaseExporter<Activity> owner, in Batch<Activity> batch, ExportBatch send, ExporterTally tally, ExportSpool? spool, string refusal, Resource? resource = null)
    {
        if (spool is null)
        {
            var count = (int)batch.Count;
            return Count(send(batch), count, tally, refusal);
        }

        var spans = new List<Activity>((int)batch.Count);
        foreach (var span in batch)
        {
            spans.Add(span);
        }

        var result = Count(send(new Batch<Activity>([.. spans], spans.Count)), spans.Count, tally, refusal);
        if (result != ExportResult.Success)
        {
            spool.Keep(resource ?? owner.ParentProvider.GetResource(), spans);
        }

        return result;
    }

    private static ExportResult Count(ExportResult result, int spans, ExporterTally tally, string refusal)
    {
        if (result == ExportResult.Success)
        {
            tally.Delivered(spans);
        }
        else if (tally.LastError is null)
        {
            tally.Failed(refusal);
        }

        return result;
    }
}
