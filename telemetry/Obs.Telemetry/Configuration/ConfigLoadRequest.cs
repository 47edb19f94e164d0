namespace Obs.Telemetry.Configuration;

/// <summary>What to layer: defaults &lt; YAML file &lt; environment &lt; flags.</summary>
public sealed class ConfigLoadRequest
{
    private (ConfigFile? File, ConfigProblem? Missing)? _located;

    /// <summary>
    /// A config file named explicitly (<c>--config</c> or <c>OBS_CONFIG</c>): missing is an error.
    /// When null, <see cref="DefaultConfigPath"/> is read if it exists, and defaults apply if it does not.
    /// </summary>
    public string? ConfigPath { get; init; }

    /// <summary>Where to look when no file is named; relative paths resolve against the current directory.</summary>
    public string DefaultConfigPath { get; init; } = ObsDefaults.ConfigFileRelativePath;

    /// <summary>The process environment (tests pass their own).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line flags, the highest layer.</summary>
    public IReadOnlyList<ConfigFlag> Flags { get; init; } = [];

    /// <summary>
    /// The config file this request names (<see cref="ObsConfigurationLoader.LocateConfigFile"/>), read and parsed
    /// on first use and never again: every section a verb reads comes from that one read. Null when there is none.
    /// </summary>
    public ConfigFile? File => Located.File;

    /// <summary>The file, or the problem that a file named explicitly does not exist.</summary>
    internal (ConfigFile? File, ConfigProblem? Missing) Located => _located ??= ObsConfigurationLoader.Locate(this);

    /// <summary>Reads the current process environment into a dictionary.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
