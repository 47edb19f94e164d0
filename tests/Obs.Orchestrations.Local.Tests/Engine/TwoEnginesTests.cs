using Xunit.Abstractions;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>Two engines on one SQLite file: claims never overlap, work never runs twice, a released instance moves on.</summary>
public sealed class TwoEnginesTests(ITestOutputHelper output)
{
    private const int TasksPerInstance = 5;
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FastHeartbeat = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnownedInstances_BothEnginesCompete_EveryTaskRunsExactlyOnceOnOneEngine()
    {
        await using var rig = new TwoEnginesRig(TimeSpan.FromMilliseconds(5));
        var a = await rig.StartEngineAsync("engine-a", ShortLease, FastHeartbeat);
        // Half a heartbeat apart, so the two lease loops do not wake in step.
        await Task.Delay(FastHeartbeat / 2);
        var b = await rig.StartEngineAsync("engine-b", ShortLease, FastHeartbeat);

        var ids = Enumerable.Range(0, 40).Select(i => $"compete-{i:D2}").ToList();
        foreach (var id in ids)
        {
            rig.CreateUnowned(id, TasksPerInstance);
            await Task.Delay(15);
        }

        await TwoEnginesRig.WaitForAllAsync(b.Client, ids, Patience);

        AssertEachTaskRanOnce(rig, ids);
        var owners = AssertEachInstanceOnOneEngine(rig, ids);
        // Which engine's lease loop wakes first is timing, so the split is reported, not asserted.
        output.WriteLine($"split: {owners.Count(o => o == a.OwnerId)} on {a.OwnerId}, {owners.Count(o => o == b.OwnerId)} on {b.OwnerId}");
        Assert.All(owners, owner => Assert.Contains(owner, new[] { a.OwnerId, b.OwnerId }));
    }

    [Fact]
    public async Task TwoEngines_EachClaimingItsOwnBatch_RunSideBySideOnOneFile()
    {
        await using var rig = new TwoEnginesRig(TimeSpan.FromMilliseconds(20));
        var first = Enumerable.Range(0, 20).Select(i => $"first-{i:D2}").ToList();
        var second = Enumerable.Range(0, 20).Select(i => $"second-{i:D2}").ToList();

        // A claims the first batch as it starts; its lease loop then sleeps past the end of the test,
        // so the second batch, created once B runs, can only be claimed by B's lease loop.
        first.ForEach(id => rig.CreateUnowned(id, TasksPerInstance));
        var a = await rig.StartEngineAsync("engine-a", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));
        var b = await rig.StartEngineAsync("engine-b", ShortLease, FastHeartbeat);
        second.ForEach(id => rig.CreateUnowned(id, TasksPerInstance));

        await TwoEnginesRig.WaitForAllAsync(a.Client, [.. first, .. second], Patience);

        AssertEachTaskRanOnce(rig, [.. first, .. second]);
        Assert.All(rig.Runs.Where(r => r.InstanceId.StartsWith("first-", StringComparison.Ordinal)), r => Assert.Equal(a.OwnerId, r.Owner));
        Assert.All(rig.Runs.Where(r => r.InstanceId.StartsWith("second-", StringComparison.Ordinal)), r => Assert.Equal(b.OwnerId, r.Owner));
    }

    [Fact]
    public async Task GracefulStop_MidInstance_TheOtherEngineFinishesItWithoutRepeatingRecordedTasks()
    {
        const int taskCount = 6;
        var taskDelay = TimeSpan.FromMilliseconds(200);
        await using var rig = new TwoEnginesRig(taskDelay);
        var a = await rig.StartEngineAsync("engine-a", ShortLease, FastHeartbeat);
        var b = await rig.StartEngineAsync("engine-b", ShortLease, FastHeartbeat);
        var id = await a.Client.ScheduleNewOrchestrationInstanceAsync(TwoEnginesRig.Orchestrator, taskCount);

        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (rig.Runs.Count < 2)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        // Stop in the middle of the next task's sleep: its run is cancelled, not recorded, and the
        // graceful stop releases the lease, so B claims the instance on its next heartbeat.
        await Task.Delay(taskDelay / 2);
        await a.StopAsync();
        var doneOnA = rig.Runs.Count;

        await TwoEnginesRig.WaitForAllAsync(b.Client, [id], Patience);

        AssertEachTaskRanOnce(rig, [id], taskCount);
        var runs = rig.Runs.OrderBy(r => r.Task).ToList();
        Assert.All(runs.Take(doneOnA), r => Assert.Equal(a.OwnerId, r.Owner));
        Assert.All(runs.Skip(doneOnA), r => Assert.Equal(b.OwnerId, r.Owner));
        Assert.InRange(doneOnA, 2, taskCount - 1);
        // A handover is not a crash: no abandoned attempt, one orchestration span.
        var record = rig.Instance(id);
        Assert.Equal(1, record.Attempt);
        Assert.Equal(record.FirstSpanId, record.SpanId);
    }

    private static void AssertEachTaskRanOnce(TwoEnginesRig rig, IReadOnlyCollection<string> ids, int tasksPerInstance = TasksPerInstance)
    {
        var expected = ids.SelectMany(id => Enumerable.Range(0, tasksPerInstance).Select(task => (id, task))).Order().ToList();
        var ran = rig.Runs.Select(r => (r.InstanceId, r.Task)).Order().ToList();
        Assert.Equal(expected, ran);
    }

    private static List<string> AssertEachInstanceOnOneEngine(TwoEnginesRig rig, IEnumerable<string> ids) =>
        [.. ids.Select(id =>
        {
            var owners = rig.Runs.Where(r => r.InstanceId == id).Select(r => r.Owner).Distinct().ToList();
            Assert.True(owners.Count == 1, $"{id} ran on {string.Join(", ", owners)}");
            return owners[0];
        })];
}
