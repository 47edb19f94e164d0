namespace Obs.Telemetry.Configuration;

/// <summary>The outcome of layering and validating configuration.</summary>
public sealed class ConfigLoadResult
{
    public ConfigLoadResult(ObsTelemetryOptions options, IReadOnlyList<ConfigProblem> errors, IReadOnlyList<string> warnings, string? configFile)
    {
        Options = options;
        Errors = errors;
        Warnings = warnings;
        ConfigFile = configFile;
    }

    /// <summary>The bound options; only meaningful when <see cref="IsValid"/>.</summary>
    public ObsTelemetryOptions Options { get; }

    /// <summary>Every problem found, one per bad key: the caller fails at start when there is any.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; }

    /// <summary>One-line notices that do not stop start-up (e.g. a legacy Jaeger URL mapped to OTLP).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The YAML file that was read, or null when only defaults, environment and flags applied.</summary>
    public string? ConfigFile { get; }

    public bool IsValid => Errors.Count == 0;
}
