using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>The trace an instance leaves: one orchestration span, parent of every activity span, child of the caller.</summary>
public sealed class EngineTraceTests
{
    [Fact]
    public async Task Run_FromCallerSpan_OrchestrationSpanIsChildOfCallerAndParentOfActivitySpans()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Step", async (ctx, x) =>
            {
                ctx.Span?.SetTag("step.input", x);
                await Task.Delay(20);
                return x;
            })
            .AddOrchestrator<int, int>("Traced", async (ctx, n) =>
            {
                ctx.SetSpanAttribute(AttributeKeys.Build.StepsCount, n);
                var first = await ctx.CallActivityAsync<int>("Step", 1);
                var rest = await Task.WhenAll(Enumerable.Range(2, n - 1).Select(i => ctx.CallActivityAsync<int>("Step", i)));
                ctx.SetSpanAttribute(AttributeKeys.Build.Success, true);
                return first + rest.Sum();
            }, spanName: SpanNames.BuildExecute));

        ActivityTraceId traceId;
        ActivitySpanId callerSpanId;
        OrchestrationMetadata result;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            callerSpanId = caller.SpanId;
            var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Traced", 4);
            using var timeout = new CancellationTokenSource(EngineHarness.Patience);
            result = await harness.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var spans = collector.InTrace(traceId);
        var orchestration = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        var steps = spans.Where(s => s.DisplayName == "Step").ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal(callerSpanId, orchestration.ParentSpanId);
        Assert.All(steps, s => Assert.Equal(orchestration.SpanId, s.ParentSpanId));
        Assert.All(steps, s => Assert.InRange(s.StartTimeUtc, orchestration.StartTimeUtc, orchestration.StartTimeUtc + orchestration.Duration));
        Assert.All(steps, s => Assert.True(s.StartTimeUtc + s.Duration <= orchestration.StartTimeUtc + orchestration.Duration, "an activity ended after its orchestration"));
        Assert.Equal(4, orchestration.GetTagItem(AttributeKeys.Build.StepsCount));
        Assert.Equal(true, orchestration.GetTagItem(AttributeKeys.Build.Success));
        Assert.Equal(result.InstanceId, orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal(ActivityStatusCode.Ok, orchestration.Status);
        Assert.Empty(orchestration.Links);
        Assert.Equal([1, 2, 3, 4], steps.Select(s => (int)s.GetTagItem("step.input")!).Order());
    }

    [Fact]
    public async Task Run_ExplicitTraceparent_IsTheParentAndFailureMarksTheSpan()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Broken", (_, _) => throw new InvalidOperationException("nope"))
            .AddOrchestrator<int, int>("Failing", (ctx, x) => ctx.CallActivityAsync<int>("Broken", x)));
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var result = await harness.RunAsync("Failing", 1, StartOrchestrationOptions.WithTraceparent($"00-{parent.TraceId}-{parent.SpanId}-01"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var spans = collector.InTrace(parent.TraceId);
        var orchestration = Assert.Single(spans, s => s.DisplayName == "Failing");
        var activity = Assert.Single(spans, s => s.DisplayName == "Broken");
        Assert.Equal(parent.SpanId, orchestration.ParentSpanId);
        Assert.Equal(orchestration.SpanId, activity.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, orchestration.Status);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Contains(activity.Events, e => e.Name == "exception");
        Assert.Equal(typeof(TaskFailedException).FullName, orchestration.GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task Run_UntracedActivity_RunsWithoutASpanWhileTracedOnesKeepTheirs()
    {
        using var collector = new ObsSpanCollector();
        var sawSpan = true;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Work", (_, x) => Task.FromResult(x + 1))
            .AddUntracedActivity("Bookkeeping", () => new FuncTaskActivity<int, int>((ctx, x) =>
            {
                sawSpan = ctx.Span is not null;
                return Task.FromResult(x * 10);
            }))
            .AddOrchestrator<int, int>("WithBookkeeping", async (ctx, x) =>
                await ctx.CallActivityAsync<int>("Bookkeeping", await ctx.CallActivityAsync<int>("Work", x))));
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var result = await harness.RunAsync("WithBookkeeping", 1, StartOrchestrationOptions.WithTraceparent($"00-{parent.TraceId}-{parent.SpanId}-01"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("20", result.SerializedOutput);
        Assert.False(sawSpan);
        var spans = collector.InTrace(parent.TraceId);
        Assert.Equal(["WithBookkeeping", "Work"], spans.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    [InlineData(null)]
    public void WithTraceparent_Malformed_IsIgnoredNotAnError(string? traceparent)
    {
        var options = StartOrchestrationOptions.WithTraceparent(traceparent, instanceId: "i-1");

        Assert.Equal(default, options.ParentContext);
        Assert.Equal("i-1", options.InstanceId);
    }

    [Fact]
    public async Task Activity_SeesItsSpanAsCurrent_SoChildProcessesGetItsTraceparent()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, string>("Probe", (_, _) => Task.FromResult(Activity.Current?.Id ?? "none"))
            .AddOrchestrator<int, string>("Probing", (ctx, x) => ctx.CallActivityAsync<string>("Probe", x)));

        var result = await harness.RunAsync("Probing", 0);

        var currentId = result.SerializedOutput!.Trim('"');
        var probe = Assert.Single(collector.InTrace(ActivityTraceId.CreateFromString(currentId.Split('-')[1])), s => s.DisplayName == "Probe");
        Assert.Equal(probe.Id, currentId);
    }

    [Fact]
    public async Task Wait_SeesTheEndInTheStore_ReturnsOnlyOnceTheOrchestrationSpanIsEmitted()
    {
        using var collector = new ObsSpanCollector();
        using var held = new HeldSpanStop("Quick");
        await using var harness = await EngineHarness.StartAsync(r => r.AddOrchestrator<int, int>("Quick", (_, x) => Task.FromResult(x)));
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);

        var id = await held.ScheduleUnderCallerAsync(harness, "Quick");

        var wait = harness.Client.WaitForInstanceCompletionAsync(id, false, timeout.Token);
        await held.AssertWaitHeldUntilSpanEmittedAsync(harness, id, wait);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await wait).RuntimeStatus);
        Assert.Single(collector.InTrace(held.TraceId), s => s.DisplayName == "Quick");
    }

    [Fact]
    public async Task Wait_OnATerminatedInstance_ReturnsOnlyOnceItsSpanIsEmitted()
    {
        using var collector = new ObsSpanCollector();
        using var held = new HeldSpanStop("Endless");
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Hang", async (ctx, x) =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return x;
            })
            .AddOrchestrator<int, int>("Endless", (ctx, x) => ctx.CallActivityAsync<int>("Hang", x)));
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);

        var id = await held.ScheduleUnderCallerAsync(harness, "Endless");

        var wait = harness.Client.WaitForInstanceCompletionAsync(id, false, timeout.Token);
        var terminate = Task.Run(() => harness.Client.TerminateInstanceAsync(id, "stop", timeout.Token), timeout.Token);
        await held.AssertWaitHeldUntilSpanEmittedAsync(harness, id, wait);
        await terminate;

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await wait).RuntimeStatus);
        Assert.Single(collector.InTrace(held.TraceId), s => s.DisplayName == "Endless");
    }

    /// <summary>Holds the stop of one orchestration span of one trace, as a slow exporter or processor would.</summary>
    private sealed class HeldSpanStop : IDisposable
    {
        private readonly ManualResetEventSlim _stopping = new();
        private readonly ManualResetEventSlim _release = new();
        private readonly ActivityListener _listener;

        public HeldSpanStop(string spanName)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == ObsActivitySources.Orchestrations.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.TraceId == TraceId && a.DisplayName == spanName)
                    {
                        _stopping.Set();
                        _release.Wait(EngineHarness.Patience);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ActivityTraceId TraceId { get; private set; }

        /// <summary>Starts an instance under a caller span, whose trace is the one held.</summary>
        public async Task<string> ScheduleUnderCallerAsync(EngineHarness harness, string orchestrator)
        {
            using var caller = ObsSpanCollector.CallerSource.StartActivity("caller");
            Assert.NotNull(caller);
            TraceId = caller.TraceId;
            return await harness.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, 1);
        }

        /// <summary>While the span's stop is held and the end already stored, the wait must not return; once released, it does.</summary>
        public async Task AssertWaitHeldUntilSpanEmittedAsync(EngineHarness harness, string id, Task wait)
        {
            try
            {
                Assert.True(_stopping.Wait(EngineHarness.Patience), "the orchestration span was never stopped");
                Assert.True((await harness.Client.GetInstanceAsync(id))!.IsCompleted, "the end should be stored before the span is emitted");
                var first = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(700)));
                Assert.NotSame(wait, first);
            }
            finally
            {
                _release.Set();
            }

            await wait.WaitAsync(EngineHarness.Patience);
        }

        public void Dispose()
        {
            _release.Set();
            _listener.Dispose();
            _stopping.Dispose();
            _release.Dispose();
        }
    }
}
