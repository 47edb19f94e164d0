using Obs.Orchestrations.Build;
using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Tests.Build;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;
using Obs.Testing.Tracing;
using static Obs.Orchestrations.Tests.Build.BuildSteps;

namespace Obs.Orchestrations.Tests.Metrics;

/// <summary>A build run on the local engine records its metrics once, from its last, untraced activity.</summary>
public sealed class BuildMetricsTests
{
    private readonly string _pipeline = "build-metrics-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Run_SucceedingBuild_RecordsOneRunOneSuccessAndItsDuration()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(Command("compile", "true")) with { Name = _pipeline });

        Assert.True(result.Success);
        Assert.Single(Of(metrics, ObsInstruments.BuildRunsName));
        Assert.Single(Of(metrics, ObsInstruments.BuildSucceededName));
        var duration = Assert.Single(Of(metrics, ObsInstruments.BuildDurationName));
        Assert.Equal("success", duration.Tags[AttributeKeys.Cicd.PipelineResult]);
        Assert.Equal(result.DurationSeconds, duration.Value);
    }

    [Fact]
    public async Task Run_FailingStep_RecordsOneRunNoSuccessAndAFailureDuration()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition(Command("compile", "exit 1")) with { Name = _pipeline });

        Assert.False(result.Success);
        Assert.Equal(1, Assert.Single(Of(metrics, ObsInstruments.BuildRunsName)).Value);
        Assert.Empty(Of(metrics, ObsInstruments.BuildSucceededName));
        Assert.Equal("failure", Assert.Single(Of(metrics, ObsInstruments.BuildDurationName)).Tags[AttributeKeys.Cicd.PipelineResult]);
    }

    [Fact]
    public async Task Run_InvalidDefinition_StillRecordsAFailedRun()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await BuildHarness.StartAsync();

        var (_, result) = await harness.RunAsync(Definition() with { Name = _pipeline });

        Assert.NotEmpty(result.Problems ?? []);
        Assert.Single(Of(metrics, ObsInstruments.BuildRunsName));
        Assert.Empty(Of(metrics, ObsInstruments.BuildSucceededName));
    }

    [Fact]
    public async Task Run_MetricsActivity_LeavesNoSpanInTheBuildsTrace()
    {
        using var spans = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();

        System.Diagnostics.ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            await harness.RunAsync(Definition(Command("compile", "true")) with { Name = _pipeline });
        }

        Assert.Equal(
            [SpanNames.BuildExecute, SpanNames.BuildStep("compile"), "caller"],
            spans.InTrace(traceId).Select(s => s.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_MetricsActivityThrows_TheBuildStillCompletesWithItsResult()
    {
        var root = Directory.CreateTempSubdirectory("obs-build-metrics-").FullName;
        var registry = new OrchestrationRegistry()
            .AddJsonTypeInfoResolver(BuildJsonContext.Default)
            .AddOrchestrator(BuildOrchestration.Name, static () => new BuildOrchestrator(), SpanNames.BuildExecute)
            .AddActivity(BuildOrchestration.RunBuildStep, static () => new RunBuildStepActivity())
            .AddUntracedActivity(BuildOrchestration.RecordBuildMetrics, static () => new FuncTaskActivity<BuildResult, bool>(
                (_, _) => throw new InvalidOperationException("instrument broken")));
        await using (var engine = new LocalOrchestrationEngine(registry, new LocalEngineOptions { DatabasePath = Path.Combine(root, "state.db") }))
        {
            await engine.StartAsync();
            var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
                BuildOrchestration.Name, new BuildRequest(Definition(Command("compile", "true")), root));
            using var timeout = new CancellationTokenSource(BuildHarness.Patience);
            var instance = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
            Assert.True(registry.Serializer.Deserialize<BuildResult>(instance.SerializedOutput)!.Success);
        }

        Directory.Delete(root, recursive: true);
    }

    private IReadOnlyList<ObsMeasurement> Of(ObsMetricCollector metrics, string instrument) =>
        metrics.Of(instrument, AttributeKeys.Cicd.PipelineName, _pipeline);
}
