using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Build;

/// <summary>The build orchestration's names and its registration.</summary>
public static class BuildOrchestration
{
    /// <summary>The orchestrator's name: start instances with it and a <see cref="BuildRequest"/>.</summary>
    public const string Name = "Build";
    public const string RunBuildStep = "RunBuildStep";
    public const string AnalyzeDependencies = "AnalyzeDependencies";
    public const string CollectArtifacts = "CollectArtifacts";
    public const string RecordSkippedSteps = "RecordSkippedSteps";

    /// <summary>The last, untraced activity: records the build's metrics.</summary>
    public const string RecordBuildMetrics = "RecordBuildMetrics";

    /// <summary>
    /// Registers the <c>Build</c> orchestrator (span <c>build.execute</c>), its activities and
    /// <see cref="BuildJsonContext"/>.
    /// </summary>
    /// <param name="registry">The registry to add to.</param>
    /// <param name="onOutput">Receives every line the steps write, with the step's name; called from background threads.</param>
    public static OrchestrationRegistry Register(OrchestrationRegistry registry, Action<ProcessOutputLine, string>? onOutput = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddJsonTypeInfoResolver(BuildJsonContext.Default)
            .AddOrchestrator(Name, static () => new BuildOrchestrator(), SpanNames.BuildExecute)
            .AddActivity(RunBuildStep, () => new RunBuildStepActivity(onOutput))
            .AddActivity(AnalyzeDependencies, static () => new AnalyzeDependenciesActivity())
            .AddActivity(CollectArtifacts, static () => new CollectArtifactsActivity())
            .AddActivity(RecordSkippedSteps, static () => new RecordSkippedStepsActivity())
            .AddUntracedActivity(RecordBuildMetrics, static () => new RecordMetricsActivity<BuildResult>(ObsMetricsRecorder.RecordBuild));
    }
}
