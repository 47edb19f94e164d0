using System.Diagnostics;
using Obs.Orchestrations;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;
using Obs.Testing.Tracing;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// The scenarios every engine must run with the same results and the same trace: the local engine, the
/// Durable Task SDK in process, and the SDK over Azure Storage (Azurite). Each engine is one subclass.
/// </summary>
public abstract class ConformanceSuite<TEngine>(TEngine engine) : IClassFixture<TEngine>
    where TEngine : EngineFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    protected TEngine Engine { get; } = engine;

    private bool Skipped => Engine.SkipReason is not null;

    [Fact]
    public async Task Build_DagWithFanOut_RunsEveryStepAfterItsDependencies_UnderOneBuildExecuteSpan()
    {
        if (Skipped)
        {
            return;
        }

        var project = NewProject();
        var definition = Definition("fan-out",
            Step("prepare", "echo prepare >> order.txt"),
            Step("left", "sleep 0.2; echo left >> order.txt", "prepare"),
            Step("right", "sleep 0.2; echo right >> order.txt", "prepare"),
            Step("join", "echo join >> order.txt", "left", "right"));

        var (instance, spans) = await RunAsync(BuildOrchestration.Name, new BuildRequest(definition, project, "run-42"));
        var result = Output<BuildResult>(instance);

        Assert.True(result.Success, string.Join("; ", result.Steps.Select(s => $"{s.Name}: {s.Status} {s.Error}")));
        Assert.All(result.Steps, s => Assert.Equal(BuildStepStatus.Succeeded, s.Status));
        var order = await File.ReadAllLinesAsync(Path.Combine(project, "order.txt"));
        Assert.Equal("prepare", order[0]);
        Assert.Equal("join", order[^1]);
        Assert.Equal(["left", "right"], order[1..3].Order(StringComparer.Ordinal));

        // The shape: build.execute is the caller's child and every build.step.* span's direct parent,
        // with the attributes set in the first episode (project path, steps count) and in the last (result).
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        Assert.Equal(ActivityStatusCode.Ok, root.Status);
        Assert.Equal(project, root.GetTagItem(AttributeKeys.Build.ProjectPath));
        Assert.Equal(4, root.GetTagItem(AttributeKeys.Build.StepsCount));
        Assert.Equal("fan-out", root.GetTagItem(AttributeKeys.Cicd.PipelineName));
        Assert.Equal("run-42", root.GetTagItem(AttributeKeys.Cicd.PipelineRunId));
        Assert.Equal("success", root.GetTagItem(AttributeKeys.Cicd.PipelineResult));
        Assert.Equal(true, root.GetTagItem(AttributeKeys.Build.Success));
        Assert.Equal(instance.InstanceId, root.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        var steps = spans.Where(s => s.DisplayName.StartsWith(SpanNames.BuildStepPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(["join", "left", "prepare", "right"], steps.Select(s => s.DisplayName[SpanNames.BuildStepPrefix.Length..]).Order(StringComparer.Ordinal));
        Assert.All(steps, s => Assert.Equal(root.SpanId, s.ParentSpanId));
        Assert.All(steps, s => Assert.InRange(s.StartTimeUtc, root.StartTimeUtc, root.StartTimeUtc + root.Duration));
        Assert.All(spans.Where(s => s != root && s.Source.Name == ObsActivitySources.Orchestrations.Name), s => Assert.Equal(root.SpanId, s.ParentSpanId));
    }

    [Fact]
    public async Task Build_FailingStep_SkipsItsDependentsOnly_AndTheSpanIsAnError()
    {
        if (Skipped)
        {
            return;
        }

        var definition = Definition("failing",
            Step("compile", "echo broken >&2; exit 3"),
            Step("package", "echo never", "compile"),
            Step("lint", "echo fine"));

        var (instance, spans) = await RunAsync(BuildOrchestration.Name, new BuildRequest(definition, NewProject()));
        var result = Output<BuildResult>(instance);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.False(result.Success);
        Assert.Equal(
            [("compile", BuildStepStatus.Failed, (int?)3), ("lint", BuildStepStatus.Succeeded, 0), ("package", BuildStepStatus.Skipped, null)],
            result.Steps.Select(s => (s.Name, s.Status, s.ExitCode)).OrderBy(s => s.Name, StringComparer.Ordinal));
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        Assert.Equal(ActivityStatusCode.Error, root.Status);
        Assert.Equal("build_failed", root.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal("failure", root.GetTagItem(AttributeKeys.Cicd.PipelineResult));
        var failed = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("compile"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(root.SpanId, failed.ParentSpanId);
    }

    [Fact]
    public async Task Build_RecordsItsMetricsOnce_FromAnActivityWithoutASpan()
    {
        if (Skipped)
        {
            return;
        }

        using var metrics = new ObsMetricCollector();
        var pipeline = "conformance-" + Guid.NewGuid().ToString("N");
        var definition = Definition(pipeline, Step("compile", "exit 2"));

        var (_, spans) = await RunAsync(BuildOrchestration.Name, new BuildRequest(definition, NewProject()));

        Assert.Equal(1, Assert.Single(metrics.Of(ObsInstruments.BuildRunsName, AttributeKeys.Cicd.PipelineName, pipeline)).Value);
        Assert.Empty(metrics.Of(ObsInstruments.BuildSucceededName, AttributeKeys.Cicd.PipelineName, pipeline));
        var duration = Assert.Single(metrics.Of(ObsInstruments.BuildDurationName, AttributeKeys.Cicd.PipelineName, pipeline));
        Assert.Equal("failure", duration.Tags[AttributeKeys.Cicd.PipelineResult]);
        Assert.DoesNotContain(spans, s => s.DisplayName == BuildOrchestration.RecordBuildMetrics);
    }

    [Fact]
    public async Task Build_ContinueOnError_LetsDependentsRun()
    {
        if (Skipped)
        {
            return;
        }

        var definition = Definition("tolerant",
            Step("flaky", "exit 1") with { ContinueOnError = true },
            Step("after", "echo after", "flaky"));

        var (instance, _) = await RunAsync(BuildOrchestration.Name, new BuildRequest(definition, NewProject()));
        var result = Output<BuildResult>(instance);

        Assert.Equal(
            [("after", BuildStepStatus.Succeeded), ("flaky", BuildStepStatus.Failed)],
            result.Steps.Select(s => (s.Name, s.Status)).OrderBy(s => s.Name, StringComparer.Ordinal));
        Assert.True(result.Success);
    }

    [Fact]
    public async Task Build_StepPastItsTimeout_IsKilledAsTimedOut()
    {
        if (Skipped)
        {
            return;
        }

        var definition = Definition("slow", Step("hang", "sleep 30") with { Timeout = 1 });
        var clock = Stopwatch.StartNew();

        var (instance, _) = await RunAsync(BuildOrchestration.Name, new BuildRequest(definition, NewProject()));
        var result = Output<BuildResult>(instance);

        var step = Assert.Single(result.Steps);
        Assert.Equal(BuildStepStatus.TimedOut, step.Status);
        Assert.False(result.Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Activity_RetriedWithBackoff_SucceedsOnTheThirdAttempt_AfterGrowingDelays()
    {
        if (Skipped)
        {
            return;
        }

        var (instance, _) = await RunAsync(ConformanceProbes.Retried, 0);

        Assert.Equal("succeeded on attempt 3", Output<string>(instance));
        var attempts = ConformanceProbes.Attempts[instance.InstanceId].ToArray();
        Assert.Equal(3, attempts.Length);
        // 1.5 s, then 3 s (coefficient 2). Azure Storage delays queue messages in whole seconds, so its
        // durable timers may fire up to a second early (1 s, then 2 s): the delays still grow.
        var (first, second) = (attempts[1] - attempts[0], attempts[2] - attempts[1]);
        Assert.True(first >= TimeSpan.FromSeconds(0.9), $"first retry after {first}");
        Assert.True(second >= TimeSpan.FromSeconds(1.9), $"second retry after {second}");
        Assert.True(second > first, $"retries after {first}, then {second}");
    }

    [Fact]
    public async Task Replay_NeverRunsACompletedActivityAgain()
    {
        if (Skipped)
        {
            return;
        }

        var (instance, _) = await RunAsync(ConformanceProbes.SideEffects, 0);

        Assert.Equal(10 + 20 + 30, Output<int>(instance));
        Assert.Equal(ConformanceProbes.Steps, ConformanceProbes.ActivityRuns[instance.InstanceId]);
        // The orchestrator itself did replay: once per activity result and timer, at least.
        Assert.True(ConformanceProbes.OrchestratorRuns[instance.InstanceId] > ConformanceProbes.Steps,
            $"orchestrator ran {ConformanceProbes.OrchestratorRuns[instance.InstanceId]} times");
    }

    [Fact]
    public async Task TestRun_SeveralPytestFiles_CountsEveryFile_UnderOneSuiteSpan()
    {
        if (Skipped || !Pytest.IsAvailable())
        {
            return;
        }

        var project = NewProject();
        Directory.CreateDirectory(Path.Combine(project, "tests"));
        await File.WriteAllTextAsync(Path.Combine(project, "tests", "test_one.py"), "def test_a():\n    assert 1 + 1 == 2\n\ndef test_b():\n    assert 'x'.upper() == 'X'\n");
        await File.WriteAllTextAsync(Path.Combine(project, "tests", "test_two.py"), "def test_c():\n    assert 2 * 2 == 4\n\ndef test_d():\n    assert 3 == 4, 'three is not four'\n");

        var (instance, spans) = await RunAsync(TestOrchestration.Name, new TestRunRequest { Framework = TestFramework.Pytest, Path = project });
        var result = Output<TestRunResult>(instance);

        Assert.False(result.Success);
        Assert.Equal((4, 3, 1, 0, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        Assert.Equal(["tests/test_one.py", "tests/test_two.py"], result.Targets.Select(t => t.Target).Order(StringComparer.Ordinal));
        var failure = Assert.Single(result.Failures);
        Assert.Equal("test_d", failure.Name);

        var suite = Assert.Single(spans, s => s.DisplayName == SpanNames.TestSuiteExecute);
        Assert.Equal(TestFramework.Pytest, suite.GetTagItem(AttributeKeys.Test.Framework));
        Assert.Equal(4, suite.GetTagItem(AttributeKeys.Test.SuiteTotal));
        Assert.Equal(1, suite.GetTagItem(AttributeKeys.Test.SuiteFailed));
        var files = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestFilePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([SpanNames.TestFile("tests/test_one.py"), SpanNames.TestFile("tests/test_two.py")], files.Select(f => f.DisplayName).Order(StringComparer.Ordinal));
        // One level per thing, on every engine: test.suite.execute → test.file.* (the activity itself) →
        // test.case.*, discovery named from the catalog, no span named after an activity.
        Assert.All(files, f => Assert.Equal(suite.SpanId, f.ParentSpanId));
        Assert.Equal(suite.SpanId, Assert.Single(spans, s => s.DisplayName == SpanNames.TestDiscovery).ParentSpanId);
        var cases = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.Contains(files, f => f.SpanId == c.ParentSpanId));
        Assert.DoesNotContain(spans, s => Engine.Registry.ActivityNames.Contains(s.DisplayName));
        Assert.All(spans.Where(s => s != suite && s.ParentSpanId == suite.SpanId || cases.Contains(s)), s => AssertInside(Parent(spans, s), s));
    }

    private static void AssertInside(Activity parent, Activity child)
    {
        Assert.True(child.StartTimeUtc >= parent.StartTimeUtc, $"{child.DisplayName} starts at {child.StartTimeUtc:O}, before {parent.DisplayName} at {parent.StartTimeUtc:O}");
        Assert.True(child.StartTimeUtc + child.Duration <= parent.StartTimeUtc + parent.Duration, $"{child.DisplayName} ends at {child.StartTimeUtc + child.Duration:O}, after {parent.DisplayName} at {parent.StartTimeUtc + parent.Duration:O}");
    }

    [Fact]
    public async Task Benchmark_BuiltinTarget_MeasuresEveryIteration_UnderThePerformanceTestSpan()
    {
        if (Skipped)
        {
            return;
        }

        var request = new BenchmarkRequest { Iterations = 5, Warmup = 1, Target = new BenchmarkTarget { Kind = BenchmarkTargetKinds.Builtin } };

        var (instance, spans) = await RunAsync(BenchmarkOrchestration.Name, request);
        var result = Output<BenchmarkResult>(instance);

        Assert.Equal(5, result.Iterations);
        Assert.Equal(0, result.Errors);
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.BenchmarkPerformanceTest);
        Assert.Equal(5, root.GetTagItem(AttributeKeys.Benchmark.Iterations));
        Assert.NotNull(root.GetTagItem(AttributeKeys.Benchmark.P50));
        var run = Assert.Single(spans, s => s.DisplayName == SpanNames.BenchmarkRun);
        Assert.Equal(root.SpanId, run.ParentSpanId);
        Assert.DoesNotContain(spans, s => Engine.Registry.ActivityNames.Contains(s.DisplayName));
    }

    [Fact]
    public async Task Benchmark_FailingIterations_ThePerformanceTestSpanIsAnError()
    {
        if (Skipped)
        {
            return;
        }

        var request = new BenchmarkRequest { Iterations = 2, Warmup = 0, Target = BenchmarkTarget.ForCommand(["sh", "-c", "exit 1"]) };

        var (instance, spans) = await RunAsync(BenchmarkOrchestration.Name, request);
        var result = Output<BenchmarkResult>(instance);

        Assert.Equal(2, result.Errors);
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.BenchmarkPerformanceTest);
        Assert.Equal(ActivityStatusCode.Error, root.Status);
        Assert.Equal(ErrorTypes.IterationFailed, root.GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task Startup_ProbedProgram_IsReadyWhenItsLogLineAppears()
    {
        if (Skipped)
        {
            return;
        }

        var request = new StartupProbeRequest
        {
            Command = StartupCommand.Shell("echo booting; sleep 0.2; echo server ready; sleep 5"),
            Ready = new StartupReadiness { LogRegex = "server ready" },
            TimeoutSeconds = 30,
            WorkingDirectory = NewProject(),
        };

        var (instance, spans) = await RunAsync(StartupOrchestration.Name, request);
        var result = Output<StartupProbeResult>(instance);

        Assert.True(result.Ready, result.Error);
        Assert.True(result.TimeToReadyMs >= 150, $"ready after {result.TimeToReadyMs} ms");
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.StartupProbe);
        Assert.Equal(ActivityStatusCode.Ok, root.Status);
        var run = Assert.Single(spans, s => s.DisplayName == SpanNames.StartupProbeRun);
        Assert.Equal(root.SpanId, run.ParentSpanId);
        Assert.Equal(run.SpanId, Assert.Single(spans, s => s.DisplayName == SpanNames.StartupInitialize).ParentSpanId);
        Assert.DoesNotContain(spans, s => Engine.Registry.ActivityNames.Contains(s.DisplayName));
    }

    [Fact]
    public async Task Terminate_RunningBuild_EndsItTerminated()
    {
        if (Skipped)
        {
            return;
        }

        var definition = Definition("long", Step("wait", "sleep 4"));
        var id = await Engine.Client.ScheduleNewOrchestrationInstanceAsync(BuildOrchestration.Name, new BuildRequest(definition, NewProject()));
        using var timeout = new CancellationTokenSource(Patience);
        while ((await Engine.Client.GetInstanceAsync(id, cancellation: timeout.Token))?.RuntimeStatus is not OrchestrationRuntimeStatus.Running)
        {
            await Task.Delay(50, timeout.Token);
        }

        await Engine.Client.TerminateInstanceAsync(id, "stopped by the test", timeout.Token);
        var instance = await Engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance.RuntimeStatus);
    }

    private static BuildDefinition Definition(string name, params BuildStepDefinition[] steps) =>
        new() { Name = name, Steps = steps, AnalyzeDependencies = false };

    private static BuildStepDefinition Step(string name, string command, params string[] dependsOn) =>
        new() { Name = name, Type = BuildStepTypes.Command, Command = command, DependsOn = dependsOn.Length == 0 ? null : dependsOn };

    private static Activity Parent(IReadOnlyList<Activity> spans, Activity child) => Assert.Single(spans, s => s.SpanId == child.ParentSpanId);

    private string NewProject() => Directory.CreateDirectory(Path.Combine(Engine.WorkingDirectory, Guid.NewGuid().ToString("N"))).FullName;

    private T Output<T>(OrchestrationMetadata instance) =>
        Assert.IsType<T>(Engine.Registry.Serializer.Deserialize<T>(instance.SerializedOutput));

    /// <summary>Runs an instance under a caller span to completion; returns it and every span of its trace.</summary>
    private async Task<(OrchestrationMetadata Instance, IReadOnlyList<Activity> Spans)> RunAsync(string orchestrator, object input)
    {
        using var timeout = new CancellationTokenSource(Patience);
        ActivityTraceId traceId;
        ActivitySpanId callerId;
        string id;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            (traceId, callerId) = (caller.TraceId, caller.SpanId);
            id = await Engine.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { ParentContext = caller.Context }, timeout.Token);
        }

        var instance = await Engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType}: {instance.FailureDetails?.ErrorMessage}");
        var spans = Engine.Spans.InTrace(traceId);
        var orchestration = Assert.Single(spans, s => s.ParentSpanId == callerId && s.Source.Name == ObsActivitySources.Orchestrations.Name);
        Assert.Equal(instance.InstanceId, orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        return (instance, spans);
    }
}
