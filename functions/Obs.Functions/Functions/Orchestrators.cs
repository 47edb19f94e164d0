using Microsoft.Azure.Functions.Worker;
using Obs.Functions.Durable;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace Obs.Functions.Functions;

/// <summary>
/// One <c>[OrchestrationTrigger]</c> function per Obs orchestrator, named as registered by
/// <see cref="Obs.Api.ApiOrchestrations"/>. Each runs the engine-neutral orchestrator over the Durable
/// adapter; Durable replays it from history exactly as the local engine does.
/// </summary>
public static class Orchestrators
{
    [Function(BuildOrchestration.Name)]
    public static Task<BuildResult> Build([OrchestrationTrigger] DurableContext context) =>
        new BuildOrchestrator().RunAsync(Adapt(context), Input<BuildRequest>(context));

    [Function(TestOrchestration.Name)]
    public static Task<TestRunResult> Test([OrchestrationTrigger] DurableContext context) =>
        new TestOrchestrator().RunAsync(Adapt(context), Input<TestRunRequest>(context));

    [Function(BenchmarkOrchestration.Name)]
    public static Task<BenchmarkResult> Benchmark([OrchestrationTrigger] DurableContext context) =>
        new BenchmarkOrchestrator().RunAsync(Adapt(context), Input<BenchmarkRequest>(context));

    [Function(StartupOrchestration.Name)]
    public static Task<StartupProbeResult> Startup([OrchestrationTrigger] DurableContext context) =>
        new StartupOrchestrator().RunAsync(Adapt(context), Input<StartupProbeRequest>(context));

    private static DurableOrchestrationContext Adapt(DurableContext context) => new(context);

    private static T Input<T>(DurableContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetInput<T>() ?? throw new InvalidOperationException($"Instance '{context.InstanceId}' has no {typeof(T).Name} input.");
    }
}
