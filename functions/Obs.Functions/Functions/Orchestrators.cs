using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Durable;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace Obs.Functions.Functions;

/// <summary>
/// One <c>[OrchestrationTrigger]</c> function per Obs orchestrator, named as registered by
/// <see cref="Obs.Api.ApiOrchestrations"/>. Each hands Durable's context to the
/// <see cref="DurableOrchestrationRunner"/>, which runs the engine-neutral orchestrator with Obs's input
/// contract and trace, exactly as any other Durable worker does.
/// </summary>
public sealed class Orchestrators
{
    private readonly DurableOrchestrationRunner _runner;

    public Orchestrators(DurableOrchestrationRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    [Function(BuildOrchestration.Name)]
    public Task<JsonElement?> Build([OrchestrationTrigger] DurableContext context) => Run(context);

    [Function(TestOrchestration.Name)]
    public Task<JsonElement?> Test([OrchestrationTrigger] DurableContext context) => Run(context);

    [Function(BenchmarkOrchestration.Name)]
    public Task<JsonElement?> Benchmark([OrchestrationTrigger] DurableContext context) => Run(context);

    [Function(StartupOrchestration.Name)]
    public Task<JsonElement?> Startup([OrchestrationTrigger] DurableContext context) => Run(context);

    private Task<JsonElement?> Run(DurableContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _runner.RunOrchestratorAsync(context, context.GetInput<JsonElement?>());
    }
}
