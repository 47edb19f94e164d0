using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;

namespace Obs.Cli.Hosting;

/// <summary>The local orchestration engine as the CLI runs it: state in <c>.obs/state.db</c> (or <c>$OBS_STATE_DB</c>).</summary>
public static class CliEngine
{
    public const string StateDatabaseVariable = "OBS_STATE_DB";

    /// <summary>How long a dead <c>obs</c>'s instances stay leased (seconds, default 15): how soon <c>obs resume</c> takes over.</summary>
    public const string LeaseSecondsVariable = "OBS_LEASE_SECONDS";

    /// <summary>Creates (not starts) an engine over <paramref name="registry"/>.</summary>
    /// <param name="registry">The orchestrations the engine runs.</param>
    /// <param name="environment">Where <c>$OBS_STATE_DB</c> and <c>$OBS_LEASE_SECONDS</c> are read.</param>
    /// <param name="maxConcurrentActivities">How many activities run at once; the engine's default when null.</param>
    public static LocalOrchestrationEngine Create(OrchestrationRegistry registry, IReadOnlyDictionary<string, string?> environment, int? maxConcurrentActivities = null)
    {
        var options = new LocalEngineOptions { DatabasePath = DatabasePath(environment) };
        StateDirectory.EnsureFor(options.DatabasePath);
        if (maxConcurrentActivities is { } max)
        {
            options.MaxConcurrentActivities = max;
        }

        if (environment.TryGetValue(LeaseSecondsVariable, out var lease)
            && double.TryParse(lease, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 1)
        {
            options.LeaseDuration = TimeSpan.FromSeconds(seconds);
            options.HeartbeatInterval = TimeSpan.FromSeconds(seconds / 3);
        }

        return new LocalOrchestrationEngine(registry, options);
    }

    /// <summary><c>$OBS_STATE_DB</c>, else <c>.obs/state.db</c> (relative to the current directory).</summary>
    public static string DatabasePath(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.TryGetValue(StateDatabaseVariable, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : LocalEngineOptions.DefaultDatabasePath;
    }
}
