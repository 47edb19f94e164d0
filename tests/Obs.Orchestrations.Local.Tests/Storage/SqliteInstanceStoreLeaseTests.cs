using System.Collections.Concurrent;
using Obs.Orchestrations.Local.Storage;
using static Obs.Orchestrations.Local.Tests.Storage.StoreSamples;

namespace Obs.Orchestrations.Local.Tests.Storage;

public sealed class SqliteInstanceStoreLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TemporaryStateDatabase _database = new();
    private readonly SqliteInstanceStore _store;

    public SqliteInstanceStoreLeaseTests() => _store = _database.Open();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void ClaimInstances_TakesUnownedExpiredAndOwnWhenAsked_NeverLiveOthersOrTerminal()
    {
        var now = T0.AddMinutes(10);
        Assert.True(_store.CreateInstance(Instance("unowned", T0.AddSeconds(1)), Started()));
        Assert.True(_store.CreateInstance(Instance("expired", T0.AddSeconds(2)) with { Status = OrchestrationRuntimeStatus.Running, Owner = "dead", LeaseExpiresAt = now.AddSeconds(-1) }, Started()));
        Assert.True(_store.CreateInstance(Instance("live", T0.AddSeconds(3)) with { Status = OrchestrationRuntimeStatus.Running, Owner = "other", LeaseExpiresAt = now.AddSeconds(1) }, Started()));
        Assert.True(_store.CreateInstance(Instance("mine", T0.AddSeconds(4)) with { Status = OrchestrationRuntimeStatus.Running, Owner = "me", LeaseExpiresAt = now.AddMinutes(1) }, Started()));
        Assert.True(_store.CreateInstance(Instance("done", T0.AddSeconds(5), OrchestrationRuntimeStatus.Completed), Started()));

        var first = _store.ClaimInstances("me", now, Lease, 10, includeOwnedBy: false);

        Assert.Equal([("unowned", null), ("expired", "dead")], first.Select(c => (c.Instance.InstanceId, c.PreviousOwner)));
        Assert.All(first, c => Assert.Equal(("me", now + Lease), (c.Instance.Owner, c.Instance.LeaseExpiresAt)));
        Assert.Equal(("me", now + Lease), (_store.GetInstance("expired")!.Owner, _store.GetInstance("expired")!.LeaseExpiresAt));

        var own = _store.ClaimInstances("me", now, Lease, 10, includeOwnedBy: true);

        Assert.Equal(["unowned", "expired", "mine"], own.Select(c => c.Instance.InstanceId));
        Assert.All(own, c => Assert.Equal("me", c.PreviousOwner));
        Assert.Equal("other", _store.GetInstance("live")!.Owner);
        Assert.Null(_store.GetInstance("done")!.Owner);
    }

    [Fact]
    public void ClaimInstances_Limit_TakesOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(_store.CreateInstance(Instance($"n{i}", T0.AddSeconds(5 - i)), Started()));
        }

        var claimed = _store.ClaimInstances("me", T0, Lease, 2, includeOwnedBy: false);

        Assert.Equal(["n4", "n3"], claimed.Select(c => c.Instance.InstanceId));
    }

    [Fact]
    public void ClaimInstances_TwoStoresManyThreads_NeverClaimTheSameInstanceTwice()
    {
        const int Instances = 300;
        for (var i = 0; i < Instances; i++)
        {
            Assert.True(_store.CreateInstance(Instance($"race-{i:D3}", T0.AddMilliseconds(i)), Started()));
        }

        var stores = new[] { _store, _database.Open() };
        var claims = new ConcurrentBag<(string InstanceId, string Owner)>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var store = stores[t % 2];
            var owner = $"engine-{t}";
            while (true)
            {
                var claimed = store.ClaimInstances(owner, T0, Lease, 3, includeOwnedBy: false);
                if (claimed.Count == 0)
                {
                    return;
                }

                foreach (var c in claimed)
                {
                    claims.Add((c.Instance.InstanceId, owner));
                }
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Instances, claims.Count);
        Assert.Equal(Instances, claims.Select(c => c.InstanceId).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(c.Owner, _store.GetInstance(c.InstanceId)!.Owner));
    }

    [Fact]
    public void RenewLeases_ExtendsOnlyTheOwnersNonTerminalLeases()
    {
        CreateRunning(_store, "a", "me", T0);
        CreateRunning(_store, "b", "me", T0);
        CreateRunning(_store, "c", "other", T0);
        Assert.True(_store.CommitEpisode("b", "me", [], [], Running(1) with { Status = OrchestrationRuntimeStatus.Completed }));
        var now = T0.AddSeconds(20);

        Assert.Equal(1, _store.RenewLeases("me", now, Lease));

        Assert.Equal(now + Lease, _store.GetInstance("a")!.LeaseExpiresAt);
        Assert.Equal(T0, _store.GetInstance("c")!.LeaseExpiresAt);
        Assert.Equal(0, _store.RenewLeases("nobody", now, Lease));
    }

    [Fact]
    public void ReleaseLease_OnlyByTheOwner_ThenClaimable()
    {
        CreateRunning(_store, "a", "me", T0.AddHours(1));

        Assert.False(_store.ReleaseLease("a", "other"));
        Assert.True(_store.ReleaseLease("a", "me"));

        Assert.Null(_store.GetInstance("a")!.Owner);
        Assert.Null(_store.GetInstance("a")!.LeaseExpiresAt);
        Assert.Equal("a", Assert.Single(_store.ClaimInstances("other", T0, Lease, 10, includeOwnedBy: false)).Instance.InstanceId);
    }

    [Fact]
    public void TryUpdateAttempt_Owner_SetsNewSpanAndKeepsFirstSpan()
    {
        CreateRunning(_store, "a", "me");
        var resumedAt = T0.AddMinutes(3);

        Assert.False(_store.TryUpdateAttempt("a", "other", 2, "1111111111111111", resumedAt));
        Assert.True(_store.TryUpdateAttempt("a", "me", 2, "2222222222222222", resumedAt));

        var row = _store.GetInstance("a")!;
        Assert.Equal((2, "2222222222222222", resumedAt), (row.Attempt, row.SpanId, row.AttemptStartedAt));
        Assert.Equal("b7ad6b7169203331", row.FirstSpanId);
    }
}
