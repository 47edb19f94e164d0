using Obs.Orchestrations;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;

namespace Obs.Api;

/// <summary>The orchestrations the API starts: what a host serving it must register.</summary>
public static class ApiOrchestrations
{
    public static OrchestrationRegistry Register(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        BuildOrchestration.Register(registry);
        TestOrchestration.Register(registry);
        BenchmarkOrchestration.Register(registry);
        StartupOrchestration.Register(registry);
        return registry;
    }
}
