using Obs.Orchestrations.Local.Execution;

namespace Obs.Orchestrations.Local.Tests.Execution;

public sealed class OrchestrationExecutorRetryTests
{
    private static readonly TaskFailureDetails Flake = new("System.IO.IOException", "connection reset", null);

    [Fact]
    public void Execute_FailedAttempts_WaitOnBackedOffCappedTimersThenCallAgain()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(10), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(15));
        var harness = new ReplayHarness(Flaky(policy));
        Assert.Equal([new ScheduleTaskAction(0, "flaky", "\"in\"")], harness.Run().Actions);

        harness.History.After(TimeSpan.FromSeconds(3)).Failed(0, Flake);
        var firstWait = harness.Run();
        var firstFireAt = harness.History.Events[^2].Timestamp.AddSeconds(10);
        harness.History.TimerFired(1, firstFireAt);
        var secondAttempt = harness.Run();
        harness.History.Failed(2, Flake);
        var secondWait = harness.Run();
        var secondFireAt = harness.History.Events[^2].Timestamp.AddSeconds(15);

        Assert.Equal([new CreateTimerAction(1, firstFireAt)], firstWait.Actions);
        Assert.Equal([new ScheduleTaskAction(2, "flaky", "\"in\"")], secondAttempt.Actions);
        Assert.Equal([new CreateTimerAction(3, secondFireAt)], secondWait.Actions);
        Assert.All([firstWait, secondAttempt, secondWait], result => Assert.Null(result.Outcome));
    }

    [Fact]
    public void Execute_AttemptSucceedsAfterRetry_ReturnsItsResult()
    {
        var harness = new ReplayHarness(Flaky(new RetryPolicy(3, TimeSpan.FromSeconds(1))));
        harness.Run();
        harness.History.Failed(0, Flake);
        var wait = (CreateTimerAction)Assert.Single(harness.Run().Actions);
        harness.History.TimerFired(1, wait.FireAt);
        harness.Run();
        harness.History.Completed(2, "\"ok\"");

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Outcome);
        Assert.Equal("\"ok\"", result.Output);
    }

    [Fact]
    public void Execute_AttemptsExhausted_FailsWithTheLastFailure()
    {
        var harness = new ReplayHarness(Flaky(new RetryPolicy(2, TimeSpan.FromSeconds(1))));
        harness.Run();
        harness.History.Failed(0, Flake);
        var wait = (CreateTimerAction)Assert.Single(harness.Run().Actions);
        harness.History.TimerFired(1, wait.FireAt);
        harness.Run();
        harness.History.Failed(2, Flake with { ErrorMessage = "still down" });

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Equal("Task 'flaky' (#2) failed: System.IO.IOException: still down", result.Failure!.ErrorMessage);
        Assert.Equal("still down", result.Failure.InnerFailure!.ErrorMessage);
    }

    [Fact]
    public void Execute_HandleFailureRejects_DoesNotRetry()
    {
        var seen = new List<TaskFailureDetails>();
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1))
        {
            HandleFailure = failure =>
            {
                seen.Add(failure);
                return !failure.IsCausedBy<IOException>();
            },
        };
        var harness = new ReplayHarness(Flaky(policy));
        harness.Run();
        harness.History.Failed(0, Flake);

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Empty(result.Actions);
        Assert.Equal([Flake], seen);
    }

    [Fact]
    public void Execute_RetryTimeoutPassed_StopsRetrying()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(20), retryTimeout: TimeSpan.FromSeconds(30));
        var harness = new ReplayHarness(Flaky(policy));
        harness.Run();
        harness.History.After(TimeSpan.FromSeconds(5)).Failed(0, Flake);
        var wait = (CreateTimerAction)Assert.Single(harness.Run().Actions);
        harness.History.TimerFired(1, wait.FireAt);
        harness.Run();

        harness.History.After(TimeSpan.FromSeconds(10)).Failed(2, Flake);
        var result = harness.Run();

        Assert.True(harness.History.Events[^1].Timestamp - HistoryBuilder.Start > policy.RetryTimeout);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Execute_RetriedHistory_ReplaysToTheSameDecisions()
    {
        var harness = new ReplayHarness(Flaky(new RetryPolicy(3, TimeSpan.FromSeconds(1))));
        harness.Run();
        harness.History.Failed(0, Flake);
        var wait = (CreateTimerAction)Assert.Single(harness.Run().Actions);
        harness.History.TimerFired(1, wait.FireAt);
        var episode = harness.Run();

        var replayed = new OrchestrationExecutor(ReplayHarness.Serializer)
            .Execute(Flaky(new RetryPolicy(3, TimeSpan.FromSeconds(1))), ReplayHarness.InstanceId, harness.History.Events.Take(harness.History.Count - 1).ToList(), 0);

        Assert.Equal(episode.Actions, replayed.Actions);
    }

    private static OrchestratorRegistration Flaky(RetryPolicy policy) =>
        ReplayHarness.Orchestrator<string?, string>((context, _) =>
            context.CallActivityAsync<string>("flaky", "in", TaskOptions.FromRetryPolicy(policy)));
}
