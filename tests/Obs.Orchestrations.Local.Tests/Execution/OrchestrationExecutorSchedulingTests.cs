using Obs.Orchestrations.Local.Execution;

namespace Obs.Orchestrations.Local.Tests.Execution;

public sealed class OrchestrationExecutorSchedulingTests
{
    private static readonly OrchestratorRegistration Sequence = ReplayHarness.Orchestrator<string, string>(async (context, input) =>
    {
        var compiled = await context.CallActivityAsync<string>("compile", input);
        var tested = await context.CallActivityAsync<string>("test", compiled);
        return $"{compiled}:{tested}";
    });

    private static readonly OrchestratorRegistration FanOut = ReplayHarness.Orchestrator<int, List<int>>(async (context, count) =>
    {
        var calls = new List<Task<int>>(count);
        for (var i = 0; i < count; i++)
        {
            calls.Add(context.CallActivityAsync<int>("square", i));
        }

        return [.. await Task.WhenAll(calls)];
    });

    [Fact]
    public void Execute_FirstEpisodeOfSequence_SchedulesOnlyTheFirstCall()
    {
        var harness = new ReplayHarness(Sequence, "\"src\"");

        var result = harness.Run();

        Assert.Null(result.Outcome);
        var action = Assert.IsType<ScheduleTaskAction>(Assert.Single(result.Actions));
        Assert.Equal(new ScheduleTaskAction(0, "compile", "\"src\""), action);
    }

    [Fact]
    public void Execute_ReplayWithCompletion_SchedulesOnlyTheNewCall()
    {
        var harness = new ReplayHarness(Sequence, "\"src\"");
        harness.Run();
        harness.History.Completed(0, "\"bin\"");

        var result = harness.Run();

        Assert.Null(result.Outcome);
        Assert.Equal([new ScheduleTaskAction(1, "test", "\"bin\"")], result.Actions);
    }

    [Fact]
    public void Execute_ReplayWithAllCompletions_CompletesWithSerializedOutput()
    {
        var harness = new ReplayHarness(Sequence, "\"src\"");
        harness.Run();
        harness.History.Completed(0, "\"bin\"");
        harness.Run();
        harness.History.Completed(1, "\"green\"");

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Outcome);
        Assert.Equal("\"bin:green\"", result.Output);
        Assert.Empty(result.Actions);
        Assert.Null(result.Failure);
    }

    [Fact]
    public void Execute_FirstEpisodeOfFanOut_SchedulesEveryCallInCallOrder()
    {
        var result = new ReplayHarness(FanOut, "3").Run();

        Assert.Equal(
            [new ScheduleTaskAction(0, "square", "0"), new ScheduleTaskAction(1, "square", "1"), new ScheduleTaskAction(2, "square", "2")],
            result.Actions);
    }

    [Fact]
    public void Execute_FanOutOfThousandWithCompletionsInAnyOrder_CompletesWithResultsInCallOrder()
    {
        const int count = 1000;
        var harness = new ReplayHarness(FanOut, "1000");
        Assert.Equal(count, harness.Run().Actions.Count);
        for (var i = count - 1; i >= 0; i--)
        {
            harness.History.Completed(i, (i * i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Outcome);
        var squares = ReplayHarness.Serializer.Deserialize<List<int>>(result.Output);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * i), squares);
    }

    [Fact]
    public void Execute_PartialFanOutCompletions_StaysWaitingWithoutNewActions()
    {
        var harness = new ReplayHarness(FanOut, "3");
        harness.Run();
        harness.History.Completed(2, "4").Completed(0, "0");

        var result = harness.Run();

        Assert.Null(result.Outcome);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Execute_InputOfAnotherType_IsAvailableThroughGetInput()
    {
        var registration = ReplayHarness.Orchestrator<int, string?>((context, input) =>
            Task.FromResult<string?>($"{input}:{context.GetInput<int>()}:{context.GetInput<long>()}:{context.Name}:{context.InstanceId}"));

        var result = new ReplayHarness(registration, "42").Run();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Outcome);
        Assert.Equal($"\"42:42:42:Build:{ReplayHarness.InstanceId}\"", result.Output);
    }

    [Fact]
    public void Execute_NullActivityResult_GivesDefaultOfValueType()
    {
        var registration = ReplayHarness.Orchestrator<string?, int>(async (context, _) => await context.CallActivityAsync<int>("count") + 1);
        var harness = new ReplayHarness(registration);
        harness.Run();
        harness.History.Completed(0, null);

        var result = harness.Run();

        Assert.Equal("1", result.Output);
    }

    [Fact]
    public void Execute_TimerThenActivity_CreatesTimerFromTheClockThenSchedulesAfterItFires()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            return await context.CallActivityAsync<string>("after");
        });
        var harness = new ReplayHarness(registration);
        var fireAt = HistoryBuilder.Start.AddMinutes(5);

        Assert.Equal([new CreateTimerAction(0, fireAt)], harness.Run().Actions);
        harness.History.TimerFired(0, fireAt);
        Assert.Equal([new ScheduleTaskAction(1, "after", null)], harness.Run().Actions);
        harness.History.Completed(1, "\"done\"");
        Assert.Equal("\"done\"", harness.Run().Output);
    }

    [Fact]
    public void Execute_TimerCancelledByItsToken_ThrowsTaskCanceledAndIgnoresALaterTimerFired()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            using var cancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), cancellation.Token);
            await Task.WhenAny(timer, context.CallActivityAsync("work"));
            // Cancel, not CancelAsync: CancelAsync runs the callbacks on the thread pool, outside the replay.
            cancellation.Cancel();
            var cancelled = false;
            try
            {
                await timer;
            }
            catch (TaskCanceledException)
            {
                cancelled = true;
            }

            return $"{cancelled}:{await context.CallActivityAsync<string>("next")}";
        });
        var harness = new ReplayHarness(registration);
        Assert.Equal(2, harness.Run().Actions.Count);
        harness.History.Completed(1, null);
        Assert.Equal([new ScheduleTaskAction(2, "next", null)], harness.Run().Actions);
        harness.History.TimerFired(0, HistoryBuilder.Start.AddHours(1));

        var afterFired = harness.Run();
        harness.History.Completed(2, "\"n\"");
        var completed = harness.Run();

        Assert.Null(afterFired.Outcome);
        Assert.Empty(afterFired.Actions);
        Assert.Equal("\"True:n\"", completed.Output);
    }

    [Fact]
    public void Execute_TimerWithAlreadyCancelledToken_IsStillRecordedButCancelled()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            var timer = context.CreateTimer(TimeSpan.FromMinutes(1), new CancellationToken(canceled: true));
            await context.CallActivityAsync("next");
            return timer.Status.ToString();
        });
        var harness = new ReplayHarness(registration);

        var first = harness.Run();
        harness.History.Completed(1, null);
        var second = harness.Run();

        Assert.Equal([new CreateTimerAction(0, HistoryBuilder.Start.AddMinutes(1)), new ScheduleTaskAction(1, "next", null)], first.Actions);
        Assert.Equal("\"Canceled\"", second.Output);
    }
}
