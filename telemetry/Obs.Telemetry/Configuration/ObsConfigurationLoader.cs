using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// Loads Obs's configuration. Layers, lowest first: built-in defaults (the initialisers of
/// <see cref="ObsTelemetryOptions"/> and its parts) &lt; the YAML file &lt; the environment &lt; command-line flags.
/// </summary>
/// <remarks>
/// The layers are <see cref="IConfigurationProvider"/>s under one <see cref="IConfigurationRoot"/>, each
/// remembering where its keys came from. Values are then read by hand rather than with the configuration
/// binder, because the binder stops at the first conversion error and cannot name the file line, variable or
/// flag a bad value came from; this loader reports every problem at once, each with its key, source and value.
/// </remarks>
public static class ObsConfigurationLoader
{
    /// <summary>Layers and validates the configuration that <paramref name="request"/> describes.</summary>
    /// <returns>The options, every problem found, warnings, and the YAML file read (if any).</returns>
    public static ConfigLoadResult Load(ConfigLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var problems = new List<ConfigProblem>();
        var configFile = LocateConfigFile(request, problems);
        var layers = new List<ConfigLayerProvider>();
        if (configFile is not null)
        {
            layers.Add(new YamlConfigurationProvider(configFile));
        }

        layers.Add(new OtelEnvironmentConfigurationProvider(request.Environment));
        layers.Add(new FlagConfigurationProvider(request.Flags));

        using var root = new ConfigurationRoot(layers.ToList<IConfigurationProvider>());
        problems.AddRange(layers.SelectMany(layer => layer.Problems));

        var reader = new ConfigValueReader(root);
        var warnings = new List<string>();
        var options = ObsOptionsReader.Read(reader, warnings);
        problems.AddRange(reader.Problems);

        return new ConfigLoadResult(options, problems, warnings, configFile);
    }

    /// <summary>
    /// The one place the config file is found: <c>--config</c>, else <c>$OBS_CONFIG</c>, else the default path if it
    /// exists. A file named explicitly that does not exist is a problem; null when there is no file to read.
    /// </summary>
    public static string? LocateConfigFile(ConfigLoadRequest request, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var (explicitPath, source) = request.ConfigPath is { Length: > 0 } path
            ? (path, "flag --config")
            : request.Environment.TryGetValue(ObsDefaults.ConfigFileEnvironmentVariable, out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv)
                ? (fromEnv, $"env {ObsDefaults.ConfigFileEnvironmentVariable}")
                : (null, null);

        if (explicitPath is null)
        {
            return File.Exists(request.DefaultConfigPath) ? request.DefaultConfigPath : null;
        }

        if (File.Exists(explicitPath))
        {
            return explicitPath;
        }

        problems.Add(new ConfigProblem(
            YamlConfigurationProvider.FileKey,
            source!,
            explicitPath,
            $"the config file does not exist (looked for {Path.GetFullPath(explicitPath)})"));
        return null;
    }
}
