using System.Diagnostics;
using OpenTelemetry;

namespace Obs.Telemetry.Exporters;

/// <summary>Counts every recorded span on the <see cref="ExportLedger"/>: what each exporter should deliver.</summary>
internal sealed class RecordedSpanCounter(ExportLedger ledger) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.Recorded)
        {
            ledger.SpanRecorded();
        }
    }
}
