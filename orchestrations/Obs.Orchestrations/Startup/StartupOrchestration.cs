using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Startup;

/// <summary>The start-up probe as an orchestration (what <c>POST /startup</c> starts): its names and its registration.</summary>
public static class StartupOrchestration
{
    /// <summary>The orchestrator's name: start instances with it and a <see cref="StartupProbeRequest"/>.</summary>
    public const string Name = "Startup";
    public const string ProbeStartup = "ProbeStartup";

    /// <summary>
    /// Registers the <c>Startup</c> orchestrator (span <c>startup.probe</c>), its one <c>ProbeStartup</c>
    /// activity (which runs <see cref="StartupProbe"/>, span <c>startup.initialize</c>) and <see cref="StartupJsonContext"/>.
    /// </summary>
    public static OrchestrationRegistry Register(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddJsonTypeInfoResolver(StartupJsonContext.Default)
            .AddOrchestrator(Name, static () => new StartupOrchestrator(), SpanNames.StartupProbe)
            .AddActivity(ProbeStartup, static () => new ProbeStartupActivity());
    }
}
