using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Durable;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;

namespace Obs.Functions.Functions;

/// <summary>
/// One <c>[ActivityTrigger]</c> function per Obs activity, named as registered by
/// <see cref="Obs.Api.ApiOrchestrations"/>: where the side effects (child processes, I/O, spans) run,
/// through the <see cref="DurableOrchestrationRunner"/> as on any Durable worker.
/// </summary>
public sealed class Activities
{
    /// <summary>The binding-data key under which Durable's activity trigger passes the orchestration instance id.</summary>
    public const string InstanceIdBindingKey = "instanceId";

    private readonly DurableOrchestrationRunner _runner;

    public Activities(DurableOrchestrationRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    [Function(BuildOrchestration.RunBuildStep)]
    public Task<JsonElement?> RunBuildStep([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BuildOrchestration.RunBuildStep, input, functionContext);

    [Function(BuildOrchestration.AnalyzeDependencies)]
    public Task<JsonElement?> AnalyzeDependencies([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BuildOrchestration.AnalyzeDependencies, input, functionContext);

    [Function(BuildOrchestration.CollectArtifacts)]
    public Task<JsonElement?> CollectArtifacts([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BuildOrchestration.CollectArtifacts, input, functionContext);

    [Function(BuildOrchestration.RecordSkippedSteps)]
    public Task<JsonElement?> RecordSkippedSteps([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BuildOrchestration.RecordSkippedSteps, input, functionContext);

    [Function(BuildOrchestration.RecordBuildMetrics)]
    public Task<JsonElement?> RecordBuildMetrics([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BuildOrchestration.RecordBuildMetrics, input, functionContext);

    [Function(TestOrchestration.DiscoverTestTargets)]
    public Task<JsonElement?> DiscoverTestTargets([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(TestOrchestration.DiscoverTestTargets, input, functionContext);

    [Function(TestOrchestration.RunTestTarget)]
    public Task<JsonElement?> RunTestTarget([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(TestOrchestration.RunTestTarget, input, functionContext);

    [Function(TestOrchestration.CombinePytestCoverage)]
    public Task<JsonElement?> CombinePytestCoverage([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(TestOrchestration.CombinePytestCoverage, input, functionContext);

    [Function(TestOrchestration.RecordTestMetrics)]
    public Task<JsonElement?> RecordTestMetrics([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(TestOrchestration.RecordTestMetrics, input, functionContext);

    [Function(BenchmarkOrchestration.RunBenchmark)]
    public Task<JsonElement?> RunBenchmark([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BenchmarkOrchestration.RunBenchmark, input, functionContext);

    [Function(BenchmarkOrchestration.RecordBenchmarkMetrics)]
    public Task<JsonElement?> RecordBenchmarkMetrics([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(BenchmarkOrchestration.RecordBenchmarkMetrics, input, functionContext);

    [Function(StartupOrchestration.ProbeStartup)]
    public Task<JsonElement?> ProbeStartup([ActivityTrigger] JsonElement? input, FunctionContext functionContext) =>
        Run(StartupOrchestration.ProbeStartup, input, functionContext);

    /// <summary>The scheduling instance's id, from the trigger's binding data.</summary>
    public static string InstanceId(FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        return functionContext.BindingContext.BindingData.TryGetValue(InstanceIdBindingKey, out var id) && id is not null
            ? id.ToString() ?? string.Empty
            : string.Empty;
    }

    private Task<JsonElement?> Run(string name, JsonElement? input, FunctionContext functionContext) =>
        _runner.RunActivityAsync(name, InstanceId(functionContext), input, functionContext.CancellationToken);
}
