using Obs.Orchestrations.Build;

namespace Obs.Cli.Commands;

/// <summary>Reads a build definition file (YAML, or JSON by extension) and lists every problem in it.</summary>
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

        try
        {
            var text = File.ReadAllText(path);
            definition = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? BuildDefinitionLoader.LoadJson(text)
                : BuildDefinitionLoader.LoadYaml(text);
        }
        catch (BuildDefinitionFormatException ex)
        {
            problems = [$"{path}: {ex.Message}"];
            return false;
        }

        return Validate(definition, path, out problems);
    }

    /// <summary>Reads a definition given as JSON (the config file's <c>build:</c> section), named <paramref name="source"/> in messages.</summary>
    public static bool TryLoadJson(string json, string source, out BuildDefinition? definition, out IReadOnlyList<string> problems)
    {
        definition = null;
        try
        {
            definition = BuildDefinitionLoader.LoadJson(json);
        }
        catch (BuildDefinitionFormatException ex)
        {
            problems = [$"{source}: {ex.Message}"];
            return false;
        }

        return Validate(definition, source, out problems);
    }

    private static bool Validate(BuildDefinition definition, string source, out IReadOnlyList<string> problems)
    {
        problems = [.. BuildDefinitionValidator.Validate(definition).Select(p => $"{source}: {p}")];
        return problems.Count == 0;
    }
}
