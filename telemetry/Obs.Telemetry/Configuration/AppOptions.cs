namespace Obs.Telemetry.Configuration;

/// <summary>The top-level <c>app:</c> section of the original design.</summary>
public sealed class AppOptions
{
    /// <summary><c>app.name</c>: recorded as the <c>app.name</c> resource attribute.</summary>
    public string? Name { get; set; }

    /// <summary><c>app.version</c>: recorded as <c>app.version</c>.</summary>
    public string? Version { get; set; }

    /// <summary><c>app.environment</c>: <c>deployment.environment.name</c> and <c>deployment.environment</c>.</summary>
    public string Environment { get; set; } = ObsDefaults.Environment;
}
