using System.Globalization;
using System.Text;

namespace Obs.Telemetry.Exporters;

/// <summary>One exporter's result at exit.</summary>
/// <param name="Name">The exporter (<c>otlp</c>, <c>zipkin</c>, …).</param>
/// <param name="Target">Its endpoint, or null for the console.</param>
/// <param name="Exported">Spans the backend accepted.</param>
/// <param name="Failed">Spans recorded and not delivered.</param>
/// <param name="LastError">The last error met sending, if any.</param>
/// <param name="Spooled">Spans of refused batches kept in the spool for <c>obs replay</c>.</param>
/// <param name="Dropped">Spans of older spool files dropped to keep the spool within its bound.</param>
public sealed record ExporterOutcome(string Name, string? Target, long Exported, long Failed, string? LastError, long Spooled = 0, long Dropped = 0)
{
    /// <summary>The counts: <c>0 exported, 12 spooled, 0 failed</c> (spooled and dropped only when there are some).</summary>
    public string Counts()
    {
        var counts = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Exported} exported");
        if (Spooled > 0)
        {
            counts.Append(CultureInfo.InvariantCulture, $", {Spooled} spooled");
        }

        counts.Append(CultureInfo.InvariantCulture, $", {Failed} failed");
        if (Dropped > 0)
        {
            counts.Append(CultureInfo.InvariantCulture, $", {Dropped} older dropped from the full spool");
        }

        return counts.ToString();
    }
}

/// <summary>What became of a run's spans, as the one line every <c>obs</c> verb prints at exit.</summary>
/// <param name="Recorded">Spans recorded.</param>
/// <param name="Exporters">Each exporter's outcome, in configuration order.</param>
public sealed record ExportReport(long Recorded, IReadOnlyList<ExporterOutcome> Exporters)
{
    /// <summary>True when some exporter failed to deliver some span.</summary>
    public bool HasFailures => Exporters.Any(e => e.Failed > 0 || e.Spooled > 0 || e.Dropped > 0);

    /// <summary>
    /// The line: <c>42 spans exported, 0 failed (otlp http://localhost:4317)</c>; with several exporters
    /// each gets its own counts. A failure names its error with <paramref name="verbose"/>, else points at <c>-v</c>.
    /// </summary>
    public string Line(bool verbose)
    {
        if (Exporters.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Spans(Recorded)} recorded, none exported (no exporter configured)");
        }

        if (Exporters.Count == 1)
        {
            var only = Exporters[0];
            var counts = only.Counts();
            return string.Create(CultureInfo.InvariantCulture, $"{Spans(only.Exported)}{counts[counts.IndexOf(' ', StringComparison.Ordinal)..]} ({Where(only)}{Problem(only, verbose)}){Hints(verbose)}");
        }

        var line = new StringBuilder(Spans(Recorded)).Append(':');
        foreach (var exporter in Exporters)
        {
            line.Append(CultureInfo.InvariantCulture, $" {Where(exporter)} {exporter.Counts()}{Problem(exporter, verbose)};");
        }

        return line.ToString().TrimEnd(';') + Hints(verbose);
    }

    private string Hints(bool verbose)
    {
        var hints = new StringBuilder();
        if (Exporters.Any(e => e.Spooled > 0))
        {
            hints.Append("; `obs replay` sends the spool");
        }

        if (!verbose && Exporters.Any(e => e is { LastError: not null } && (e.Failed > 0 || e.Spooled > 0)))
        {
            hints.Append(Exporters.Count == 1 ? " (-v shows the error)" : " (-v shows the errors)");
        }

        return hints.ToString();
    }

    private static string Where(ExporterOutcome exporter) =>
        exporter.Target is null ? exporter.Name : $"{exporter.Name} {exporter.Target}";

    private static string Problem(ExporterOutcome exporter, bool verbose) => exporter switch
    {
        { Failed: 0, Spooled: 0 } => "",
        { LastError: null } => " — not sent: queue full or export deadline passed",
        _ when verbose => $" — {exporter.LastError}",
        _ => "",
    };

    private static string Spans(long count) => count == 1 ? "1 span" : string.Create(CultureInfo.InvariantCulture, $"{count} spans");
}
