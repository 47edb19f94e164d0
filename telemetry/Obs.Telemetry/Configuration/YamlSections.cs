using System.Text.Json;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// Top-level sections of the Obs config file as JSON (the <c>build:</c> section for the build-definition
/// loader), read with the one AOT-safe YAML reader Obs has, the one build files are read with too.
/// </summary>
public static class YamlSections
{
    /// <summary>The section's JSON, or null when the file has no such top-level key.</summary>
    public static string? ReadAsJson(string yaml, string section)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(section);
        using var document = JsonDocument.Parse(ReadAllAsJson(yaml));
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(section, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetRawText()
            : null;
    }

    /// <summary>The whole file as JSON (<c>null</c> for an empty file), for readers that need several sections.</summary>
    /// <exception cref="YamlFormatException">The text is not valid YAML.</exception>
    public static string ReadAllAsJson(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return YamlJsonConverter.ToJson(yaml);
    }
}
