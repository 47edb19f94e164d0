using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>State survives a graceful restart; a changed orchestrator fails loudly; a bad file is a clear error.</summary>
public sealed class EngineDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-durability-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state.db");

    [Fact]
    public async Task Restart_WithSameOwner_ResumesWithoutRerunningCompletedActivities()
    {
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reachedGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        OrchestrationRegistry Registry() => new OrchestrationRegistry()
            .AddActivity<int, int>("Count", (_, i) => Task.FromResult(runs.AddOrUpdate(i, 1, (_, n) => n + 1)))
            .AddActivity<int, int>("Gate", async (ctx, _) =>
            {
                reachedGate.TrySetResult();
                return await gate.Task.WaitAsync(ctx.CancellationToken);
            })
            .AddOrchestrator<int, int>("Resumable", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<int>("Count", 1);
                await ctx.CallActivityAsync<int>("Count", 2);
                var gated = await ctx.CallActivityAsync<int>("Gate", 0);
                await ctx.CallActivityAsync<int>("Count", 3);
                return gated;
            });
        var options = EngineHarness.Options(DatabasePath);
        options.OwnerId = "engine-under-test";

        string id;
        await using (var first = new LocalOrchestrationEngine(Registry(), options))
        {
            await first.StartAsync();
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Resumable", 0);
            await reachedGate.Task.WaitAsync(EngineHarness.Patience);
        }

        gate.SetResult(42);
        await using var second = new LocalOrchestrationEngine(Registry(), options);
        await second.StartAsync();
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        var result = await second.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("42", result.SerializedOutput);
        Assert.Equal(1, runs[1]);
        Assert.Equal(1, runs[2]);
        Assert.Equal(1, runs[3]);
    }

    [Fact]
    public async Task Replay_OrchestratorChangedBetweenRuns_FailsWithNonDeterminismNamingBothCalls()
    {
        var reachedGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        OrchestrationRegistry Registry(string firstActivity) => new OrchestrationRegistry()
            .AddActivity<int, int>("Compile", (_, x) => Task.FromResult(x))
            .AddActivity<int, int>("Lint", (_, x) => Task.FromResult(x))
            .AddActivity<int, int>("Gate", async (ctx, x) =>
            {
                reachedGate.TrySetResult();
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return x;
            })
            .AddOrchestrator<int, int>("Build", async (ctx, x) =>
            {
                await ctx.CallActivityAsync<int>(firstActivity, x);
                return await ctx.CallActivityAsync<int>("Gate", x);
            });
        var options = EngineHarness.Options(DatabasePath);
        options.OwnerId = "engine-under-test";

        string id;
        await using (var first = new LocalOrchestrationEngine(Registry("Compile"), options))
        {
            await first.StartAsync();
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Build", 1);
            await reachedGate.Task.WaitAsync(EngineHarness.Patience);
        }

        await using var second = new LocalOrchestrationEngine(Registry("Lint"), options);
        await second.StartAsync();
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        var result = await second.Client.WaitForInstanceCompletionAsync(id, false, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("'Compile'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Lint'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EngineWithoutTheOrchestrator_LeavesTheInstanceForOneThatHasIt()
    {
        var reachedGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        OrchestrationRegistry Registry() => new OrchestrationRegistry()
            .AddActivity<int, int>("Gate", async (ctx, x) =>
            {
                reachedGate.TrySetResult();
                return await release.Task.WaitAsync(ctx.CancellationToken);
            })
            .AddOrchestrator<int, int>("TestRun", (ctx, x) => ctx.CallActivityAsync<int>("Gate", x));
        var options = EngineHarness.Options(DatabasePath);
        options.OwnerId = "shared-owner";

        string id;
        await using (var first = new LocalOrchestrationEngine(Registry(), options))
        {
            await first.StartAsync();
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("TestRun", 5);
            await reachedGate.Task.WaitAsync(EngineHarness.Patience);
        }

        await using (var buildOnly = new LocalOrchestrationEngine(new OrchestrationRegistry(), options))
        {
            await buildOnly.StartAsync();
            await Task.Delay(options.HeartbeatInterval * 3);
            var meanwhile = await buildOnly.Client.GetInstanceAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Running, meanwhile!.RuntimeStatus);
        }

        release.SetResult(8);
        await using var again = new LocalOrchestrationEngine(Registry(), options);
        await again.StartAsync();
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        var result = await again.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("8", result.SerializedOutput);
    }

    [Fact]
    public async Task Start_OnAFileThatIsNotADatabase_FailsWithAClearErrorNamingThePath()
    {
        await File.WriteAllBytesAsync(DatabasePath, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);
        await using var engine = new LocalOrchestrationEngine(new OrchestrationRegistry(), EngineHarness.Options(DatabasePath));

        var error = await Assert.ThrowsAsync<OrchestrationStoreException>(() => engine.StartAsync());

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
