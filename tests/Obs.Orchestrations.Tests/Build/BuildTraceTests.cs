using System.Diagnostics;
using Obs.Orchestrations.Build;
using Obs.Telemetry.Catalog;
using static Obs.Orchestrations.Tests.Build.BuildSteps;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>The trace a build leaves: build.execute over build.step.* spans, and children joining through TRACEPARENT.</summary>
public sealed class BuildTraceTests
{
    [Fact]
    public async Task Run_SpanTree_BuildExecuteIsParentOfStepSpansWithAttributes()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        var definition = Definition(
            Command("compile", "echo \"$TRACEPARENT\" > traceparent.txt"),
            Command("package", "true")) with { ProjectPath = "." };

        var traceId = await RunTracedAsync(harness, definition);

        var spans = collector.InTrace(traceId);
        var build = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        var compile = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("compile"));
        var package = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("package"));
        Assert.Equal(build.SpanId, compile.ParentSpanId);
        Assert.Equal(build.SpanId, package.ParentSpanId);
        Assert.Equal(harness.ProjectDirectory, build.GetTagItem(AttributeKeys.Build.ProjectPath));
        Assert.Equal(2, build.GetTagItem(AttributeKeys.Build.StepsCount));
        Assert.Equal(true, build.GetTagItem(AttributeKeys.Build.Success));
        Assert.Equal("success", build.GetTagItem(AttributeKeys.Cicd.PipelineResult));
        Assert.Equal("run-1", build.GetTagItem(AttributeKeys.Cicd.PipelineRunId));

        Assert.Equal("compile", compile.GetTagItem(AttributeKeys.Build.StepName));
        Assert.Equal("command", compile.GetTagItem(AttributeKeys.Build.StepType));
        Assert.Equal("echo \"$TRACEPARENT\" > traceparent.txt", compile.GetTagItem(AttributeKeys.Build.StepCommand));
        Assert.Equal(0, compile.GetTagItem(AttributeKeys.Build.StepExitCode));
        Assert.Equal(0, compile.GetTagItem(AttributeKeys.Process.ExitCode));
        Assert.IsType<double>(compile.GetTagItem(AttributeKeys.Build.StepDuration));
        Assert.Equal("sh", compile.GetTagItem(AttributeKeys.Process.ExecutableName));
        Assert.IsType<int>(compile.GetTagItem(AttributeKeys.Process.Pid));
        Assert.Equal("sh", Assert.IsType<string[]>(compile.GetTagItem(AttributeKeys.Process.CommandArgs))[0]);
        Assert.Equal("compile", compile.GetTagItem(AttributeKeys.Cicd.TaskName));
        Assert.Equal("success", compile.GetTagItem(AttributeKeys.Cicd.TaskRunResult));
        Assert.Equal(ActivityStatusCode.Ok, compile.Status);

        var traceparent = (await File.ReadAllTextAsync(harness.PathOf("traceparent.txt"))).Trim();
        Assert.Equal($"00-{traceId}-{compile.SpanId}-01", traceparent);
    }

    [Fact]
    public async Task Run_StepSkippedAfterAFailure_LeavesAZeroLengthSkippedSpanBesideTheOthers()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        var definition = Definition(Command("compile", "exit 1"), Command("test", "echo never"));

        var traceId = await RunTracedAsync(harness, definition);

        var spans = collector.InTrace(traceId);
        var build = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        var test = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("test"));
        Assert.Equal(build.SpanId, test.ParentSpanId);
        Assert.True(test.Duration < TimeSpan.FromMilliseconds(1), $"duration {test.Duration}");
        Assert.Equal("skipped", test.GetTagItem(AttributeKeys.Build.StepStatus));
        Assert.Contains("compile", (string)test.GetTagItem(AttributeKeys.Build.StepSkipReason)!, StringComparison.Ordinal);
        Assert.Equal("skip", test.GetTagItem(AttributeKeys.Cicd.TaskRunResult));
        Assert.NotEqual(ActivityStatusCode.Error, test.Status);
        Assert.Single(spans, s => s.DisplayName == SpanNames.BuildSkippedSteps);
    }

    [Fact]
    public async Task Run_NothingSkipped_RecordsNoSkippedStepsActivity()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();

        var traceId = await RunTracedAsync(harness, Definition(Command("compile", "true")));

        Assert.DoesNotContain(collector.InTrace(traceId), s => s.DisplayName == SpanNames.BuildSkippedSteps);
    }

    [Fact]
    public async Task Run_FailedStep_CarriesOutputTailsAsEventsAndErrorStatus()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();

        var traceId = await RunTracedAsync(harness, Definition(Command("lint", "echo checking; echo 'bad style' >&2; exit 2")));

        var spans = collector.InTrace(traceId);
        var lint = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("lint"));
        Assert.Equal(ActivityStatusCode.Error, lint.Status);
        Assert.Equal("2", lint.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(2, lint.GetTagItem(AttributeKeys.Build.StepExitCode));
        Assert.Equal("failure", lint.GetTagItem(AttributeKeys.Cicd.TaskRunResult));
        var events = lint.Events.Where(e => e.Name == AttributeKeys.BuildStepOutput.EventName)
            .ToDictionary(e => (string)e.Tags.Single(t => t.Key == AttributeKeys.BuildStepOutput.Stream).Value!, e => e.Tags.Single(t => t.Key == AttributeKeys.BuildStepOutput.Tail).Value);
        Assert.Equal("checking", events["stdout"]);
        Assert.Equal("bad style", events["stderr"]);

        var build = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        Assert.Equal(false, build.GetTagItem(AttributeKeys.Build.Success));
        Assert.Equal("failure", build.GetTagItem(AttributeKeys.Cicd.PipelineResult));
    }

    [Fact]
    public async Task Run_DependencyAndArtifactSpans_AreChildrenWithCounts()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await BuildHarness.StartAsync();
        await File.WriteAllTextAsync(harness.PathOf("requirements.txt"), "a==1\nb\n");
        await File.WriteAllTextAsync(harness.PathOf("package.json"), """{ "dependencies": { "c": "1.0.0" } }""");

        var traceId = await RunTracedAsync(harness, Definition(Command("out", "printf 'hello\\n' > out.txt")) with
        {
            AnalyzeDependencies = true,
            Artifacts = ["o*.txt"],
        });

        var spans = collector.InTrace(traceId);
        var build = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        var analysis = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildDependencyAnalysis);
        var collection = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildArtifactCollection);
        Assert.Equal(build.SpanId, analysis.ParentSpanId);
        Assert.Equal(build.SpanId, collection.ParentSpanId);
        Assert.Equal(3, analysis.GetTagItem(AttributeKeys.BuildDependencies.Count));
        Assert.Equal(2, analysis.GetTagItem(AttributeKeys.BuildDependencies.CountFor("pypi")));
        Assert.Equal(1, analysis.GetTagItem(AttributeKeys.BuildDependencies.CountFor("npm")));
        Assert.Equal(0, analysis.GetTagItem(AttributeKeys.BuildDependencies.CountFor("nuget")));
        Assert.Equal(["a@1", "b", "c@1.0.0"], Assert.IsType<string[]>(analysis.GetTagItem(AttributeKeys.BuildDependencies.List)));
        Assert.Equal(1, collection.GetTagItem(AttributeKeys.BuildArtifacts.Count));
        Assert.Equal(6L, collection.GetTagItem(AttributeKeys.BuildArtifacts.TotalBytes));
    }

    private static async Task<ActivityTraceId> RunTracedAsync(BuildHarness harness, BuildDefinition definition)
    {
        using var caller = ObsSpanCollector.CallerSource.StartActivity("caller");
        Assert.NotNull(caller);
        await harness.RunAsync(definition);
        return caller.TraceId;
    }
}
