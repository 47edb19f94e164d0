using Obs.Orchestrations.Local.Execution;

namespace Obs.Orchestrations.Local.Tests.Execution;

public sealed class OrchestrationExecutorNonDeterminismTests
{
    private const string Prefix = $"Non-deterministic orchestrator 'Build' (instance {ReplayHarness.InstanceId}): ";

    [Fact]
    public void Execute_RenamedActivity_FailsNamingTaskIdHistoryAndCode()
    {
        var history = new HistoryBuilder().Scheduled(0, "restore").Completed(0, null).Scheduled(1, "compile");
        var registration = ReplayHarness.Orchestrator<string?, string?>(async (context, _) =>
        {
            await context.CallActivityAsync("restore");
            await context.CallActivityAsync("lint");
            return null;
        });

        var result = Execute(registration, history);

        AssertNonDeterministic(result, "history has CallActivityAsync('compile') as task #1, but the code called CallActivityAsync('lint')");
    }

    [Fact]
    public void Execute_ActivityReplacedByTimer_FailsNamingBoth()
    {
        var history = new HistoryBuilder().Scheduled(0, "compile");
        var registration = ReplayHarness.Orchestrator<string?, string?>(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            return null;
        });

        var result = Execute(registration, history);

        AssertNonDeterministic(result, "history has CallActivityAsync('compile') as task #0, but the code called CreateTimer");
    }

    [Fact]
    public void Execute_TimerReplacedByActivity_FailsNamingBoth()
    {
        var history = new HistoryBuilder().TimerCreated(0, HistoryBuilder.Start.AddMinutes(1));
        var registration = ReplayHarness.Orchestrator<string?, string?>(async (context, _) => await context.CallActivityAsync<string>("compile"));

        var result = Execute(registration, history);

        AssertNonDeterministic(result, "history has CreateTimer as task #0, but the code called CallActivityAsync('compile')");
    }

    [Fact]
    public void Execute_RecordedCallNeverMade_FailsNamingTheCall()
    {
        var history = new HistoryBuilder().Scheduled(0, "compile").Scheduled(1, "test");
        var registration = ReplayHarness.Orchestrator<string?, string?>(async (context, _) => await context.CallActivityAsync<string>("compile"));

        var result = Execute(registration, history);

        AssertNonDeterministic(result, "history has CallActivityAsync('test') as task #1, but the code never called it");
    }

    [Fact]
    public void Execute_ResultForACallNeverMade_FailsNamingTheCall()
    {
        var history = new HistoryBuilder().Scheduled(0, "compile").Completed(0, "1").Scheduled(1, "test").Completed(1, "2");
        var registration = ReplayHarness.Orchestrator<string?, int>((_, _) => new TaskCompletionSource<int>().Task);

        var result = Execute(registration, history);

        AssertNonDeterministic(result, "history has CallActivityAsync('compile') as task #0, but the code never called it");
    }

    [Fact]
    public void Execute_CodeThatEscapesTheContext_StaysWaitingDeterministically()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            await Task.Delay(1);
            return await context.CallActivityAsync<string>("never");
        });

        var result = new ReplayHarness(registration).Run();
        Thread.Sleep(50);

        Assert.Null(result.Outcome);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Execute_OnThreadWithItsOwnSynchronizationContext_RestoresIt()
    {
        var outer = new SynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(outer);
        try
        {
            var result = Execute(ReplayHarness.Orchestrator<string?, string?>((_, _) => Task.FromResult<string?>("x")), new HistoryBuilder());

            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Outcome);
            Assert.Same(outer, SynchronizationContext.Current);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    private static OrchestrationExecutionResult Execute(OrchestratorRegistration registration, HistoryBuilder history) =>
        new OrchestrationExecutor(ReplayHarness.Serializer).Execute(registration, ReplayHarness.InstanceId, history.Events, history.Count);

    private static void AssertNonDeterministic(OrchestrationExecutionResult result, string detail)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Empty(result.Actions);
        Assert.NotNull(result.Failure);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.Failure.ErrorType);
        Assert.Equal(Prefix + detail, result.Failure.ErrorMessage);
    }
}
