namespace Obs.Telemetry.Configuration;

/// <summary>
/// The <c>key1=value1,key2=value2</c> lists of <c>OTEL_RESOURCE_ATTRIBUTES</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c>:
/// entries are trimmed, values are percent-decoded as the OpenTelemetry specification says.
/// </summary>
internal static class OtelKeyValueList
{
    /// <summary>Splits <paramref name="text"/>; entries without a name or an <c>=</c> land in <paramref name="malformed"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, out IReadOnlyList<string> malformed)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var bad = new List<string>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? string.Empty : raw[..equals].Trim();
            if (name.Length == 0)
            {
                bad.Add(raw);
                continue;
            }

            entries.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(raw[(equals + 1)..].Trim())));
        }

        malformed = bad;
        return entries;
    }
}
