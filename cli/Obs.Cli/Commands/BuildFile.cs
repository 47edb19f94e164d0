using Obs.Orchestrations.Build;

namespace Obs.Cli.Commands;

/// <summary>
/// Reads a build definition file (YAML, or JSON by extension) and lists every problem in it, each as
/// <c>source: path: message</c> in the words the HTTP API uses for the same definition.
/// </summary>
public static class BuildFile
{
    public static bool TryLoad(string path, out BuildDefinition? definition, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        definition = null;
        if (!File.Exists(path))
        {
            problems = [$"build definition {path} not found (use --file, or create {BuildCommand.DefaultFile})"];
            return false;
        }

        var text = File.ReadAllText(path);
        var reading = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? BuildDefinitionLoader.ReadJson(text)
            : BuildDefinitionLoader.ReadYaml(text);
        return Report(reading, path, out definition, out problems);
    }

    /// <summary>
    /// Reads a definition given as JSON converted from YAML (the config file's <c>build:</c> section),
    /// named <paramref name="source"/> in messages.
    /// </summary>
    public static bool TryLoadJson(string json, string source, out BuildDefinition? definition, out IReadOnlyList<string> problems) =>
        Report(BuildDefinitionLoader.ReadJson(json, DefinitionSyntax.Yaml), source, out definition, out problems);

    private static bool Report(BuildDefinitionReading reading, string source, out BuildDefinition? definition, out IReadOnlyList<string> problems)
    {
        definition = reading.IsValid ? reading.Definition : null;
        problems = [.. reading.Problems.Select(p => $"{source}: {p}")];
        return reading.IsValid;
    }
}
