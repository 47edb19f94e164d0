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

        problems = [.. BuildDefinitionValidator.Validate(definition).Select(p => $"{path}: {p}")];
        return problems.Count == 0;
    }
}
