namespace Obs.Telemetry.Configuration;

/// <summary>Exporter names accepted in <c>tracing.exporters</c>, <c>OTEL_TRACES_EXPORTER</c> and <c>--exporter</c>.</summary>
internal static class ExporterNames
{
    /// <summary>Exports nothing; alongside other names it adds nothing.</summary>
    public const string None = "none";

    private static readonly Dictionary<string, ExporterKind> _known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["otlp"] = ExporterKind.Otlp,
        ["zipkin"] = ExporterKind.Zipkin,
        ["console"] = ExporterKind.Console,
        ["jaeger"] = ExporterKind.Jaeger,
    };

    /// <summary>Parses one name; <paramref name="kind"/> is null for <c>none</c>.</summary>
    public static bool TryParse(string text, out ExporterKind? kind)
    {
        var name = text.Trim();
        kind = null;
        if (string.Equals(name, None, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (_known.TryGetValue(name, out var known))
        {
            kind = known;
            return true;
        }

        return false;
    }

    public static string Accepted => $"{string.Join(", ", _known.Keys)}, {None}";
}
