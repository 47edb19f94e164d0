using Obs.Api;

namespace Obs.Cli.Serve;

/// <summary>Everything <c>obs serve</c> reads besides tracing: where to listen, how much to run at once, and the API's policy.</summary>
public sealed class ServeSettings
{
    public const string DefaultUrls = "http://127.0.0.1:8000";

    /// <summary>Kestrel's URLs, separated by <c>;</c>.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>How many activities (build steps, test targets — child processes) run at once.</summary>
    public int MaxConcurrentActivities { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Finished instances older than this are purged (<c>serve.retention_hours</c>); kept forever when null.</summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>Keys from <c>security.api_keys</c> or <c>$OBS_API_KEY</c>; empty means "generate one into <c>.obs/</c>".</summary>
    public List<string> ConfiguredKeys { get; } = [];

    public ObsApiOptions Api { get; } = new();
}
