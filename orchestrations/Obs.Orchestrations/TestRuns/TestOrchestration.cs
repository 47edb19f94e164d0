using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The test orchestration's names and its registration.</summary>
public static class TestOrchestration
{
    /// <summary>The orchestrator's name: start instances with it and a <see cref="TestRunRequest"/>.</summary>
    public const string Name = "Test";
    public const string DiscoverTestTargets = "DiscoverTestTargets";
    public const string RunTestTarget = "RunTestTarget";
    public const string CombinePytestCoverage = "CombinePytestCoverage";

    /// <summary>The last, untraced activity: records the run's metrics.</summary>
    public const string RecordTestMetrics = "RecordTestMetrics";

    /// <summary>
    /// Registers the <c>Test</c> orchestrator (span <c>test.suite.execute</c>), its activities and
    /// <see cref="TestRunsJsonContext"/>.
    /// </summary>
    /// <param name="registry">The registry to add to.</param>
    /// <param name="onOutput">Receives every line the test processes write, with the target's name; called from background threads.</param>
    public static OrchestrationRegistry Register(OrchestrationRegistry registry, Action<ProcessOutputLine, string>? onOutput = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddJsonTypeInfoResolver(TestRunsJsonContext.Default)
            .AddOrchestrator(Name, static () => new TestOrchestrator(), SpanNames.TestSuiteExecute)
            .AddActivity(DiscoverTestTargets, static () => new TestTargetDiscoveryActivity())
            .AddActivity(RunTestTarget, () => new RunTestTargetActivity(onOutput))
            .AddActivity(CombinePytestCoverage, static () => new CombinePytestCoverageActivity())
            .AddUntracedActivity(RecordTestMetrics, static () => new RecordMetricsActivity<TestRunResult>(ObsMetricsRecorder.RecordTestRun));
    }
}
