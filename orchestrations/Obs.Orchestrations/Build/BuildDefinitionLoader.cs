using System.Text.Json;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Reads a <see cref="BuildDefinition"/> from JSON or YAML text (the original format, snake_case keys).
/// Loading does not validate: call <see cref="BuildDefinitionValidator.Validate"/> to list every problem.
/// </summary>
public static class BuildDefinitionLoader
{
    /// <summary>The definition in <paramref name="json"/>; malformed JSON throws <see cref="BuildDefinitionFormatException"/>.</summary>
    public static BuildDefinition LoadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, BuildJsonContext.Default.BuildDefinition)
                ?? throw new BuildDefinitionFormatException("The build definition is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new BuildDefinitionFormatException($"The build definition is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The definition in <paramref name="yaml"/>, read with YamlDotNet's parser into JSON (plain
    /// scalars <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c> and numbers keep their YAML types) and then
    /// <see cref="LoadJson"/>. Malformed YAML throws <see cref="BuildDefinitionFormatException"/>.
    /// </summary>
    public static BuildDefinition LoadYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return LoadJson(YamlJsonConverter.ToJson(yaml));
    }

    /// <summary>Loads <paramref name="path"/>: YAML for <c>.yaml</c>/<c>.yml</c>, JSON otherwise.</summary>
    public static BuildDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? LoadYaml(text)
            : LoadJson(text);
    }
}
