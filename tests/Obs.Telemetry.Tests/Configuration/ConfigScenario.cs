using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

/// <summary>One configuration load under test: an optional YAML file in a temp directory, an environment, flags.</summary>
internal sealed class ConfigScenario : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-config-").FullName;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);
    private readonly List<ConfigFlag> _flags = [];
    private string? _configPath;

    /// <summary>The YAML file written by <see cref="WithYaml"/>, as passed to the loader.</summary>
    public string YamlPath => _configPath ?? throw new InvalidOperationException("no YAML written");

    public ConfigScenario WithYaml(string yaml)
    {
        _configPath = Path.Combine(_directory, "tracing.yaml");
        File.WriteAllText(_configPath, yaml);
        return this;
    }

    public ConfigScenario WithConfigPath(string path)
    {
        _configPath = path;
        return this;
    }

    public ConfigScenario WithEnv(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    public ConfigScenario WithFlag(string flag, string key, string value)
    {
        _flags.Add(new ConfigFlag(flag, key, value));
        return this;
    }

    public ConfigLoadResult Load() =>
        ObsConfigurationLoader.Load(new ConfigLoadRequest
        {
            ConfigPath = _configPath,
            DefaultConfigPath = Path.Combine(_directory, "absent", "tracing.yaml"),
            Environment = _environment,
            Flags = _flags,
        });

    /// <summary>Loads and asserts there was no problem, showing them all if there was.</summary>
    public ObsTelemetryOptions LoadValid()
    {
        var result = Load();
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Options;
    }

    /// <summary>Loads and returns the one problem about <paramref name="key"/>.</summary>
    public ConfigProblem LoadSingleError(string key)
    {
        var result = Load();
        return Assert.Single(result.Errors, problem => problem.Key == key);
    }

    /// <summary>The 1-based line of the first line of the YAML file containing <paramref name="text"/>.</summary>
    public string SourceOf(string text)
    {
        var lines = File.ReadAllLines(YamlPath);
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the YAML");
        return $"{YamlPath}:{index + 1}";
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
