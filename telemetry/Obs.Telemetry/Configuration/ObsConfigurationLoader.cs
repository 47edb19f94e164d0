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
        if (request.File is { } file)
        {
            layers.Add(new YamlConfigurationProvider(file));
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
    /// The config file in use: <c>--config</c>, else <c>$OBS_CONFIG</c>, else the default path if it exists (see
    /// <see cref="ConfigLoadRequest.File"/>, read once). A file named explicitly that does not exist is a problem; null
    /// when there is no file to read.
    /// </summary>
    public static string? LocateConfigFile(ConfigLoadRequest request, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var (file, missing) = request.Located;
        if (missing is not null)
        {
            problems.Add(missing);
        }

        return file?.Path;
    }

    /// <summary>The one place the config file is found; <see cref="ConfigLoadRequest"/> keeps what it found.</summary>
    internal static (ConfigFile? File, ConfigProblem? Missing) Locate(ConfigLoadRequest request)
    {
        var (explicitPath, source) = request.ConfigPath is { Length: > 0 } path
            ? (path, "flag --config")
            : request.Environment.TryGetValue(ObsDefaults.ConfigFileEnvironmentVariable, out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv)
                ? (fromEnv, $"env {ObsDefaults.ConfigFileEnvironmentVariable}")
                : (null, null);

        if (explicitPath is null)
        {
            return (File.Exists(request.DefaultConfigPath) ? ConfigFile.Read(request.DefaultConfigPath) : null, null);
        }

        if (File.Exists(explicitPath))
        {
            return (ConfigFile.Read(explicitPath), null);
        }

        return (null, new ConfigProblem(
            YamlConfigurationProvider.FileKey,
            source!,
            explicitPath,
            $"the config file does not exist (looked for {Path.GetFullPath(explicitPath)})"));
    }
}
