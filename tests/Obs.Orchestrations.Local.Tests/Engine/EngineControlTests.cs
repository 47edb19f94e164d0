using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>Retries, termination, concurrency, and the client's queries and purges.</summary>
public sealed class EngineControlTests
{
    [Fact]
    public async Task Run_ActivityFailsTwiceWithRetryPolicy_SucceedsOnThirdAttemptAfterBackoff()
    {
        var attempts = new ConcurrentQueue<DateTime>();
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<string, string>("Flaky", (_, x) =>
            {
                attempts.Enqueue(DateTime.UtcNow);
                return attempts.Count < 3 ? throw new IOException("transient") : Task.FromResult(x + "!");
            })
            .AddOrchestrator<string, string>("Retrying", (ctx, x) =>
                ctx.CallActivityAsync<string>("Flaky", x, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(200), backoffCoefficient: 2.0)))));

        var result = await harness.RunAsync("Retrying", "ok");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("\"ok!\"", result.SerializedOutput);
        var times = attempts.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(190), $"first retry after {(times[1] - times[0]).TotalMilliseconds} ms, expected 200");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(390), $"second retry after {(times[2] - times[1]).TotalMilliseconds} ms, expected 400 (backoff x2)");
    }

    [Fact]
    public async Task Run_RetriesExhausted_FailsWithTheLastActivityFailure()
    {
        var calls = 0;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("AlwaysFails", (_, _) => throw new InvalidDataException($"attempt {Interlocked.Increment(ref calls)}"))
            .AddOrchestrator<int, int>("GivesUp", (ctx, x) =>
                ctx.CallActivityAsync<int>("AlwaysFails", x, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(50))))));

        var result = await harness.RunAsync("GivesUp", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(2, calls);
        Assert.Equal("attempt 2", result.FailureDetails!.InnerFailure!.ErrorMessage);
    }

    [Fact]
    public async Task Terminate_RunningActivityWithChildProcess_KillsTheProcessTreeAndStopsTheInstance()
    {
        var pids = new ConcurrentQueue<int>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("LongProcess", async (ctx, seconds) =>
            {
                // sh starts a grandchild (sleep), so only a tree kill stops everything.
                using var process = Process.Start(new ProcessStartInfo("sh", ["-c", $"sleep {seconds}; echo done"]) { RedirectStandardOutput = true })!;
                pids.Enqueue(process.Id);
                started.TrySetResult();
                try
                {
                    await process.WaitForExitAsync(ctx.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }

                return process.ExitCode;
            })
            .AddOrchestrator<int, int>("Long", (ctx, seconds) => ctx.CallActivityAsync<int>("LongProcess", seconds)));

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Long", 60);
        await started.Task.WaitAsync(EngineHarness.Patience);
        var clock = Stopwatch.StartNew();
        await harness.Client.TerminateInstanceAsync(id, "stopped by test");
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        var result = await harness.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.True(pids.TryPeek(out var pid));
        await WaitUntilAsync(() => !ProcessExists(pid), TimeSpan.FromSeconds(10));
        Assert.False(ProcessExists(pid), $"process {pid} still runs after terminate");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_HundredConcurrentInstancesOfTenActivities_AllCompleteNoneLost()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Inc", (_, x) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("Ten", async (ctx, x) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ctx.CallActivityAsync<int>("Inc", x + i)));
                return results.Sum();
            }));

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => harness.Client.ScheduleNewOrchestrationInstanceAsync("Ten", i * 100)));
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        var results = await Task.WhenAll(ids.Select(id => harness.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token)));

        Assert.Equal(100, ids.Distinct().Count());
        Assert.All(results, r => Assert.Equal(OrchestrationRuntimeStatus.Completed, r.RuntimeStatus));
        for (var i = 0; i < 100; i++)
        {
            var expected = Enumerable.Range(0, 10).Sum(k => (i * 100) + k + 1);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), results[i].SerializedOutput);
        }
    }

    [Fact]
    public async Task Client_QueryAndPurge_PageByStatusAndRemoveFinishedOnly()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivity<int, int>("Wait", async (_, _) => await gate.Task)
            .AddActivity<int, int>("Now", (_, x) => Task.FromResult(x))
            .AddOrchestrator<int, int>("Blocked", (ctx, x) => ctx.CallActivityAsync<int>("Wait", x))
            .AddOrchestrator<int, int>("Quick", (ctx, x) => ctx.CallActivityAsync<int>("Now", x)));

        for (var i = 0; i < 5; i++)
        {
            await harness.RunAsync("Quick", i);
        }

        var running = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Blocked", 0, new StartOrchestrationOptions("blocked-1"));
        var first = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 });
        var second = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3, ContinuationToken = first.ContinuationToken });
        var purged = await harness.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter());
        var runningPurge = await harness.Client.PurgeInstanceAsync(running);

        Assert.Equal(3, first.Instances.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(2, second.Instances.Count);
        Assert.Empty(first.Instances.Select(i => i.InstanceId).Intersect(second.Instances.Select(i => i.InstanceId)));
        Assert.Equal(5, purged.PurgedInstanceCount);
        Assert.Equal(0, runningPurge.PurgedInstanceCount);
        Assert.NotNull(await harness.Client.GetInstanceAsync(running));
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("Blocked", 0, new StartOrchestrationOptions("blocked-1")));
        gate.SetResult(7);
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        Assert.Equal("7", (await harness.Client.WaitForInstanceCompletionAsync(running, true, timeout.Token)).SerializedOutput);
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_ThrowsNamingIt()
    {
        await using var harness = await EngineHarness.StartAsync(_ => { });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("Nope"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    private static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
