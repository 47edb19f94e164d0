using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;

namespace Obs.Cli.Hosting;

/// <summary>The local orchestration engine as the CLI runs it: state in <c>.obs/state.db</c> (or <c>$OBS_STATE_DB</c>).</summary>
public static class CliEngine
{
    public const string StateDatabaseVariable = "OBS_STATE_DB";

    /// <summary>Creates (not starts) an engine over <paramref name="registry"/>.</summary>
    public static LocalOrchestrationEngine Create(OrchestrationRegistry registry, IReadOnlyDictionary<string, string?> environment)
    {
        return new LocalOrchestrationEngine(registry, new LocalEngineOptions { DatabasePath = DatabasePath(environment) });
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
