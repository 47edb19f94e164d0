using Microsoft.Azure.Functions.Worker;
using Obs.Functions.Durable;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;

namespace Obs.Functions.Functions;

/// <summary>
/// One <c>[ActivityTrigger]</c> function per Obs activity, named as registered by
/// <see cref="Obs.Api.ApiOrchestrations"/>: where the side effects (child processes, I/O, spans) run.
/// </summary>
public static class Activities
{
    [Function(BuildOrchestration.RunBuildStep)]
    public static Task<BuildStepResult> RunBuildStep([ActivityTrigger] BuildStepInput input, FunctionContext functionContext) =>
        new RunBuildStepActivity().RunAsync(new DurableActivityContext(BuildOrchestration.RunBuildStep, functionContext), input);

    [Function(BuildOrchestration.AnalyzeDependencies)]
    public static Task<IReadOnlyList<DependencyInfo>> AnalyzeDependencies([ActivityTrigger] DependencyAnalysisInput input, FunctionContext functionContext) =>
        new AnalyzeDependenciesActivity().RunAsync(new DurableActivityContext(BuildOrchestration.AnalyzeDependencies, functionContext), input);

    [Function(BuildOrchestration.CollectArtifacts)]
    public static Task<IReadOnlyList<ArtifactInfo>> CollectArtifacts([ActivityTrigger] ArtifactCollectionInput input, FunctionContext functionContext) =>
        new CollectArtifactsActivity().RunAsync(new DurableActivityContext(BuildOrchestration.CollectArtifacts, functionContext), input);

    [Function(BuildOrchestration.RecordSkippedSteps)]
    public static Task<int> RecordSkippedSteps([ActivityTrigger] SkippedStepsInput input, FunctionContext functionContext) =>
        new RecordSkippedStepsActivity().RunAsync(new DurableActivityContext(BuildOrchestration.RecordSkippedSteps, functionContext), input);

    [Function(BuildOrchestration.RecordBuildMetrics)]
    public static Task<bool> RecordBuildMetrics([ActivityTrigger] BuildResult input, FunctionContext functionContext) =>
        new RecordBuildMetricsActivity().RunAsync(new DurableActivityContext(BuildOrchestration.RecordBuildMetrics, functionContext), input);

    [Function(TestOrchestration.DiscoverTestTargets)]
    public static Task<TestTargetDiscovery> DiscoverTestTargets([ActivityTrigger] TestRunRequest input, FunctionContext functionContext) =>
        new TestTargetDiscoveryActivity().RunAsync(new DurableActivityContext(TestOrchestration.DiscoverTestTargets, functionContext), input);

    [Function(TestOrchestration.RunTestTarget)]
    public static Task<TestTargetResult> RunTestTarget([ActivityTrigger] TestTargetInput input, FunctionContext functionContext) =>
        new RunTestTargetActivity().RunAsync(new DurableActivityContext(TestOrchestration.RunTestTarget, functionContext), input);

    [Function(TestOrchestration.RecordTestMetrics)]
    public static Task<bool> RecordTestMetrics([ActivityTrigger] TestRunResult input, FunctionContext functionContext) =>
        new RecordTestMetricsActivity().RunAsync(new DurableActivityContext(TestOrchestration.RecordTestMetrics, functionContext), input);

    [Function(BenchmarkOrchestration.RunBenchmark)]
    public static Task<BenchmarkResult> RunBenchmark([ActivityTrigger] BenchmarkRequest input, FunctionContext functionContext) =>
        new RunBenchmarkActivity().RunAsync(new DurableActivityContext(BenchmarkOrchestration.RunBenchmark, functionContext), input);

    [Function(BenchmarkOrchestration.RecordBenchmarkMetrics)]
    public static Task<bool> RecordBenchmarkMetrics([ActivityTrigger] BenchmarkResult input, FunctionContext functionContext) =>
        new RecordBenchmarkMetricsActivity().RunAsync(new DurableActivityContext(BenchmarkOrchestration.RecordBenchmarkMetrics, functionContext), input);

    [Function(StartupOrchestration.ProbeStartup)]
    public static Task<StartupProbeResult> ProbeStartup([ActivityTrigger] StartupProbeRequest input, FunctionContext functionContext) =>
        new ProbeStartupActivity().RunAsync(new DurableActivityContext(StartupOrchestration.ProbeStartup, functionContext), input);
}
