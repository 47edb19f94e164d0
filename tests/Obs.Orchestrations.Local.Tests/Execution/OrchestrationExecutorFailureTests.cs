namespace Obs.Orchestrations.Local.Tests.Execution;

public sealed class OrchestrationExecutorFailureTests
{
    private static readonly TaskFailureDetails CompilerError =
        new("System.InvalidOperationException", "exit code 2", "   at Compiler.Run()");

    [Fact]
    public void Execute_TaskFailed_SurfacesAsTaskFailedExceptionWithTheActivityDetails()
    {
        TaskFailedException? caught = null;
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            try
            {
                return await context.CallActivityAsync<string>("compile");
            }
            catch (TaskFailedException ex)
            {
                caught = ex;
                return "recovered";
            }
        });
        var harness = new ReplayHarness(registration);
        harness.Run();
        harness.History.Failed(0, CompilerError);

        var result = harness.Run();

        Assert.Equal("\"recovered\"", result.Output);
        Assert.NotNull(caught);
        Assert.Equal("compile", caught.TaskName);
        Assert.Equal(0, caught.TaskId);
        Assert.Equal(CompilerError, caught.FailureDetails);
    }

    [Fact]
    public void Execute_UncaughtTaskFailed_FailsTheOrchestrationWithTheActivityFailureInside()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>((context, _) => context.CallActivityAsync<string>("compile"));
        var harness = new ReplayHarness(registration);
        harness.Run();
        harness.History.Failed(0, CompilerError);

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.NotNull(result.Failure);
        Assert.Equal(typeof(TaskFailedException).FullName, result.Failure.ErrorType);
        Assert.Equal("Task 'compile' (#0) failed: System.InvalidOperationException: exit code 2", result.Failure.ErrorMessage);
        Assert.Equal(CompilerError, result.Failure.InnerFailure);
        Assert.True(result.Failure.IsCausedBy<InvalidOperationException>());
        Assert.Null(result.Output);
    }

    [Fact]
    public void Execute_OrchestratorThrowsAfterAnAwait_FailsWithItsExceptionAndStackTrace()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, _) =>
        {
            await context.CallActivityAsync("compile");
            return Stop("no artifacts");
        });
        var harness = new ReplayHarness(registration);
        harness.Run();
        harness.History.Completed(0, null);

        var result = harness.Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Equal(typeof(InvalidOperationException).FullName, result.Failure!.ErrorType);
        Assert.Equal("no artifacts", result.Failure.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(result.Failure.StackTrace));
    }

    [Fact]
    public void Execute_SynchronousThrowFromRunAsync_Fails()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>((_, _) => throw new ArgumentException("bad input"));

        var result = new ReplayHarness(registration).Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Equal(typeof(ArgumentException).FullName, result.Failure!.ErrorType);
        Assert.Equal("bad input", result.Failure.ErrorMessage);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Execute_FactoryThrows_Fails()
    {
        var registration = new OrchestratorRegistration("Build", "build.execute", () => throw new InvalidOperationException("no orchestrator"));

        var result = new ReplayHarness(registration).Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Equal("no orchestrator", result.Failure!.ErrorMessage);
    }

    [Fact]
    public void Execute_InputThatDoesNotDeserialize_Fails()
    {
        var registration = ReplayHarness.Orchestrator<int, int>((_, input) => Task.FromResult(input));

        var result = new ReplayHarness(registration, "\"not a number\"").Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Equal(typeof(System.Text.Json.JsonException).FullName, result.Failure!.ErrorType);
    }

    [Fact]
    public void Execute_FailureAfterScheduling_DropsTheCallsLeftBehind()
    {
        var registration = ReplayHarness.Orchestrator<string?, string>(async (context, input) =>
        {
            _ = context.CallActivityAsync("fire-and-forget", input);
            await Task.Yield();
            return Stop("stop");
        });

        var result = new ReplayHarness(registration).Run();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome);
        Assert.Empty(result.Actions);
    }

    private static string Stop(string message) => throw new InvalidOperationException(message);
}
