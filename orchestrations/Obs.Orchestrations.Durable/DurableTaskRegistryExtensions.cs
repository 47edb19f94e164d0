using System.Text.Json;
using Microsoft.DurableTask;

namespace Obs.Orchestrations.Durable;

/// <summary>Registers Obs's orchestrators and activities with any Durable Task worker.</summary>
public static class DurableTaskRegistryExtensions
{
    /// <summary>
    /// Adds every orchestrator and activity of <paramref name="registry"/> under its Obs name, each run by
    /// a <see cref="DurableOrchestrationRunner"/> (inputs and outputs as JSON elements, Obs's trace).
    /// </summary>
    public static DurableTaskRegistry AddObs(this DurableTaskRegistry tasks, OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(registry);
        var runner = new DurableOrchestrationRunner(registry);
        foreach (var name in registry.OrchestratorNames)
        {
            tasks.AddOrchestratorFunc<JsonElement?, JsonElement?>(name, runner.RunOrchestratorAsync);
        }

        foreach (var name in registry.ActivityNames)
        {
            tasks.AddActivityFunc<JsonElement?, JsonElement?>(name, (context, input) => runner.RunActivityAsync(name, context.InstanceId, input, CancellationToken.None));
        }

        return tasks;
    }
}
