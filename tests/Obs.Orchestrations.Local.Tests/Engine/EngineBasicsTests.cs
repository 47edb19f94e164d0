namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>End to end on a real SQLite file: sequences, fan-out, failures.</summary>
public sealed class EngineBasicsTests
{
    [Fact]
    public async Task Run_SequenceOfActivities_CompletesWithOutput()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Double", (_, x) => Task.FromResult(x * 2))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                var a = await ctx.CallActivityAsync<int>("Double", x);
                var b = await ctx.CallActivityAsync<int>("Double", a);
                return await ctx.CallActivityAsync<int>("Double", b);
            }));

        var result = await harness.RunAsync("Chain", 5);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("40", result.SerializedOutput);
        Assert.Equal("5", result.SerializedInput);
    }

    [Fact]
    public async Task Run_FanOutThousandActivities_AllResultsArrive()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Square", (_, x) => Task.FromResult(x * x))
            .AddOrchestrator<int, long>("FanOut", async (ctx, n) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
                return results.Sum(r => (long)r);
            }));

        var result = await harness.RunAsync("FanOut", 1000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, 1000).Sum(i => (long)i * i).ToString(System.Globalization.CultureInfo.InvariantCulture), result.SerializedOutput);
    }

    [Fact]
    public async Task Run_ActivityThrows_OrchestrationFailsWithTheActivityFailureDetails()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<string, string>("Explode", (_, message) => throw new InvalidOperationException(message))
            .AddOrchestrator<string, string>("Fragile", (ctx, message) => ctx.CallActivityAsync<string>("Explode", message)));

        var result = await harness.RunAsync("Fragile", "disk on fire");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var failure = Assert.IsType<TaskFailureDetails>(result.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, failure.ErrorType);
        Assert.NotNull(failure.InnerFailure);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.InnerFailure!.ErrorType);
        Assert.Equal("disk on fire", failure.InnerFailure.ErrorMessage);
        Assert.Contains(nameof(EngineBasicsTests), failure.InnerFailure.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCompletion_ManyInstances_LeavesNoWaiterBehind()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Echo", (_, x) => Task.FromResult(x))
            .AddOrchestrator<int, int>("Once", (ctx, x) => ctx.CallActivityAsync<int>("Echo", x)));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.RunAsync("Once", i)).RuntimeStatus);
        }

        var finished = await harness.RunAsync("Once", 99);
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        await harness.Client.WaitForInstanceCompletionAsync(finished.InstanceId, false, timeout.Token);

        Assert.Equal(0, harness.Engine.WaiterCount);
    }
}
