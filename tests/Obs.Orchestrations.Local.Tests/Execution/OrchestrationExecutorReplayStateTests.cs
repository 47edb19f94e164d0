using Microsoft.Extensions.Logging;
using Obs.Orchestrations.Local.Execution;

namespace Obs.Orchestrations.Local.Tests.Execution;

public sealed class OrchestrationExecutorReplayStateTests
{
    [Fact]
    public void Execute_IsReplaying_IsTrueForSeenEventsAndFalseFromTheFirstNewOne()
    {
        var observed = new List<bool>();
        var harness = new ReplayHarness(TwoSteps((context, _) => observed.Add(context.IsReplaying)));

        var episodes = new List<bool[]>();
        foreach (var completion in new Action[] { () => { }, () => harness.History.Completed(0, "1"), () => harness.History.Completed(1, "2") })
        {
            completion();
            observed.Clear();
            harness.Run();
            episodes.Add([.. observed]);
        }

        observed.Clear();
        harness.Replay();

        Assert.Equal([false], episodes[0]);
        Assert.Equal([true, false], episodes[1]);
        Assert.Equal([true, true, false], episodes[2]);
        Assert.Equal([true, true, true], observed);
    }

    [Fact]
    public void Execute_CurrentUtcDateTime_IsTheTimestampOfTheLatestEventDelivered()
    {
        var observed = new List<DateTime>();
        var harness = new ReplayHarness(TwoSteps((context, _) => observed.Add(context.CurrentUtcDateTime)));
        harness.Run();
        harness.History.After(TimeSpan.FromMinutes(1)).OrchestratorStarted().After(TimeSpan.FromMinutes(2)).Completed(0, "1");
        harness.Run();
        harness.History.After(TimeSpan.FromHours(1)).Completed(1, "2");
        observed.Clear();

        harness.Run();

        Assert.Equal([HistoryBuilder.Start, harness.History.Events[3].Timestamp, harness.History.Events[^1].Timestamp], observed);
        Assert.Equal(HistoryBuilder.Start.AddMinutes(3).AddSeconds(1), observed[1]);
    }

    [Fact]
    public void Execute_NewGuid_IsStableAcrossReplaysAndDistinctPerCallAndInstance()
    {
        var observed = new List<Guid>();
        var registration = TwoSteps((context, _) => observed.Add(context.NewGuid()), (context, _) => observed.Add(context.NewGuid()));
        var harness = new ReplayHarness(registration);
        harness.Run();
        var firstEpisode = observed.ToList();
        harness.History.Completed(0, "1");
        observed.Clear();
        harness.Run();
        var secondEpisode = observed.ToList();
        observed.Clear();

        new OrchestrationExecutor(ReplayHarness.Serializer).Execute(registration, "instance-2", harness.History.Events, 0);

        Assert.Equal(2, firstEpisode.Count);
        Assert.Equal(firstEpisode, secondEpisode.Take(2));
        Assert.Equal(4, secondEpisode.Distinct().Count());
        Assert.All(secondEpisode, guid => Assert.Equal(5, guid.Version));
        Assert.Equal(4, observed.Count);
        Assert.Empty(observed.Intersect(secondEpisode));
    }

    [Fact]
    public void Execute_CustomStatusAndSpanAttributes_KeepTheLastValueSet()
    {
        var registration = TwoSteps((context, step) =>
        {
            context.SetCustomStatus($"step {step}");
            context.SetSpanAttribute("build.step", step);
            context.SetSpanAttribute($"build.step.{step}", "seen");
        });
        var harness = new ReplayHarness(registration);

        var waiting = harness.Run();
        harness.History.Completed(0, "1");
        var afterFirst = harness.Run();

        Assert.Equal("\"step 0\"", waiting.CustomStatus);
        Assert.Equal(0, waiting.SpanAttributes["build.step"]);
        Assert.Equal("\"step 1\"", afterFirst.CustomStatus);
        Assert.Equal(
            new Dictionary<string, object?> { ["build.step"] = 1, ["build.step.0"] = "seen", ["build.step.1"] = "seen" },
            afterFirst.SpanAttributes);
    }

    [Fact]
    public void Execute_NoCustomStatusOrAttributes_LeavesThemEmpty()
    {
        var result = new ReplayHarness(TwoSteps((_, _) => { })).Run();

        Assert.Null(result.CustomStatus);
        Assert.Empty(result.SpanAttributes);
    }

    [Fact]
    public void Execute_ReplaySafeLogger_WritesEachMessageOnceAcrossEpisodes()
    {
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = new LoggerFactory([provider]);
        var enabledWhileReplaying = new List<bool>();
        var registration = TwoSteps((context, step) =>
        {
            var logger = context.CreateReplaySafeLogger("Build");
            enabledWhileReplaying.Add(logger.IsEnabled(LogLevel.Information));
#pragma warning disable CA1848, CA2254 // a plain message is the point of this test
            logger.LogInformation($"step {step}");
#pragma warning restore CA1848, CA2254
        });
        var harness = new ReplayHarness(registration, loggerFactory: loggerFactory);

        harness.Run();
        harness.History.Completed(0, "1");
        harness.Run();
        harness.History.Completed(1, "2");
        harness.Run();

        Assert.Equal(["Build: step 0", "Build: step 1", "Build: step 2"], provider.Messages);
        Assert.Equal([true, false, true, false, false, true], enabledWhileReplaying);
    }

    /// <summary>Two activity calls in sequence; <paramref name="observe"/> runs at the start and after each result.</summary>
    private static OrchestratorRegistration TwoSteps(
        Action<TaskOrchestrationContext, int> observe,
        Action<TaskOrchestrationContext, int>? observeTwice = null) =>
        ReplayHarness.Orchestrator<string?, int>(async (context, _) =>
        {
            observe(context, 0);
            observeTwice?.Invoke(context, 0);
            var first = await context.CallActivityAsync<int>("first");
            observe(context, 1);
            observeTwice?.Invoke(context, 1);
            var second = await context.CallActivityAsync<int>("second");
            observe(context, 2);
            return first + second;
        });
}
