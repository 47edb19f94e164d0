using System.Globalization;
using System.Text;

namespace Obs.Telemetry.Exporters;

/// <summary>One exporter's result at exit.</summary>
/// <param name="Name">The exporter (<c>otlp</c>, <c>zipkin</c>, …).</param>
/// <param name="Target">Its endpoint, or null for the console.</param>
/// <param name="Exported">Spans the backend accepted.</param>
/// <param name="Failed">Spans recorded and not delivered.</param>
/// <param name="LastError">The last error met sending, if any.</param>
public sealed record ExporterOutcome(string Name, string? Target, long Exported, long Failed, string? LastError);

/// <summary>What became of a run's spans, as the one line every <c>obs</c> verb prints at exit.</summary>
/// <param name="Recorded">Spans recorded.</param>
/// <param name="Exporters">Each exporter's outcome, in configuration order.</param>
public sealed record ExportReport(long Recorded, IReadOnlyList<ExporterOutcome> Exporters)
{
    /// <summary>True when some exporter failed to deliver some span.</summary>
    public bool HasFailures => Exporters.Any(e => e.Failed > 0);

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
            var hint = !verbose && only is { Failed: > 0, LastError: not null } ? " (-v shows the error)" : "";
            return string.Create(CultureInfo.InvariantCulture, $"{Spans(only.Exported)} exported, {only.Failed} failed ({Where(only)}{Problem(only, verbose)}){hint}");
        }

        var line = new StringBuilder(Spans(Recorded)).Append(':');
        foreach (var exporter in Exporters)
        {
            line.Append(CultureInfo.InvariantCulture, $" {Where(exporter)} {exporter.Exported} exported, {exporter.Failed} failed{Problem(exporter, verbose)};");
        }

        var text = line.ToString().TrimEnd(';');
        return !verbose && Exporters.Any(e => e is { Failed: > 0, LastError: not null }) ? text + " (-v shows the errors)" : text;
    }

    private static string Where(ExporterOutcome exporter) =>
        exporter.Target is null ? exporter.Name : $"{exporter.Name} {exporter.Target}";

    private static string Problem(ExporterOutcome exporter, bool verbose) => exporter switch
    {
        { Failed: 0 } => "",
        { LastError: null } => " — not sent before the export deadline",
        _ when verbose => $" — {exporter.LastError}",
        _ => "",
    };

    private static string Spans(long count) => count == 1 ? "1 span" : string.Create(CultureInfo.InvariantCulture, $"{count} spans");
}
