using Obs.Orchestrations.Local.Storage;
using static Obs.Orchestrations.Local.Tests.Storage.StoreSamples;

namespace Obs.Orchestrations.Local.Tests.Storage;

public sealed class SqliteInstanceStoreQueryTests : IDisposable
{
    private static readonly OrchestrationRuntimeStatus[] Cycle =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    private readonly TemporaryStateDatabase _database = new();
    private readonly SqliteInstanceStore _store;

    public SqliteInstanceStoreQueryTests()
    {
        _store = _database.Open();

        // 250 instances; every 10 share a creation time so paging must break ties by id.
        for (var i = 0; i < 250; i++)
        {
            var prefix = i % 2 == 0 ? "build" : "test";
            var instance = Instance($"{prefix}-{i:D3}", T0.AddSeconds(i / 10), Cycle[i % Cycle.Length]) with { Output = $"{i}", CustomStatus = "\"s\"" };
            Assert.True(_store.CreateInstance(instance, Started()));
        }
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Query_PagesThroughEverything_InCreationOrderWithoutGapsOrRepeats()
    {
        var seen = new List<OrchestrationMetadata>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = _store.Query(new OrchestrationQuery { PageSize = 40, ContinuationToken = token });
            Assert.True(page.Instances.Count == 40 || page.ContinuationToken is null);
            seen.AddRange(page.Instances);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(7, pages);
        Assert.Equal(250, seen.Select(m => m.InstanceId).Distinct().Count());
        Assert.Equal(seen.OrderBy(m => m.CreatedAt).ThenBy(m => m.InstanceId, StringComparer.Ordinal), seen);
        Assert.All(seen, m => Assert.Null(m.SerializedInput));
        Assert.All(seen, m => Assert.Null(m.SerializedOutput));
        Assert.All(seen, m => Assert.Equal("\"s\"", m.SerializedCustomStatus));
    }

    [Fact]
    public void Query_ExactPageMultiple_LastPageHasNoToken()
    {
        var first = _store.Query(new OrchestrationQuery { PageSize = 125 });
        var second = _store.Query(new OrchestrationQuery { PageSize = 125, ContinuationToken = first.ContinuationToken });

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(125, second.Instances.Count);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public void Query_Filters_CombineStatusRangeAndPrefix()
    {
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed],
            CreatedFrom = T0.AddSeconds(5),
            CreatedTo = T0.AddSeconds(10),
            InstanceIdPrefix = "build-",
            PageSize = 1000,
            FetchInputsAndOutputs = true,
        };

        var page = _store.Query(query);

        // i in [50, 100), even, i % 5 in {2, 3}.
        var expected = Enumerable.Range(50, 50).Where(i => i % 2 == 0 && i % 5 is 2 or 3).Select(i => $"build-{i:D3}");
        Assert.Equal(expected, page.Instances.Select(m => m.InstanceId));
        Assert.Null(page.ContinuationToken);
        Assert.All(page.Instances, m => Assert.NotNull(m.SerializedInput));
        Assert.Equal("52", page.Instances[0].SerializedOutput);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, page.Instances[0].RuntimeStatus);
    }

    [Fact]
    public void Query_Prefix_IsCaseSensitiveAndLiteral()
    {
        Assert.True(_store.CreateInstance(Instance("a_b%c"), Started()));

        Assert.Empty(_store.Query(new OrchestrationQuery { InstanceIdPrefix = "BUILD" }).Instances);
        Assert.Empty(_store.Query(new OrchestrationQuery { InstanceIdPrefix = "a%" }).Instances);
        Assert.Single(_store.Query(new OrchestrationQuery { InstanceIdPrefix = "a_b%" }).Instances);
    }

    [Fact]
    public void Query_ForeignContinuationToken_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => _store.Query(new OrchestrationQuery { ContinuationToken = "not-a-token!" }));
    }

    [Fact]
    public void Purge_OnlyTerminalInstances_WithTheirHistoryAndWork()
    {
        CreateRunning(_store, "running", "me");
        Assert.True(_store.CommitEpisode("running", "me", [Scheduled(0)], [Activity(0)], Running(2)));

        Assert.False(_store.Purge("running"));
        Assert.False(_store.Purge("build-000"));
        Assert.False(_store.Purge("unknown"));
        Assert.True(_store.Terminate("running", T0, null));
        Assert.True(_store.Purge("running"));

        Assert.Null(_store.GetInstance("running"));
        Assert.Equal(0, _store.CountHistory("running"));
        Assert.True(_store.Purge("build-002"));
    }

    [Fact]
    public void PurgeAll_StatusesAndRange_NeverTouchesRunningOrPending()
    {
        Assert.Equal(0, _store.PurgeAll(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending])));
        Assert.Equal(20, _store.PurgeAll(new PurgeInstancesFilter(T0, T0.AddSeconds(10), [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Running])));

        var purged = _store.PurgeAll(new PurgeInstancesFilter());

        Assert.Equal(150 - 20, purged);
        var left = _store.Query(new OrchestrationQuery { PageSize = 1000 }).Instances;
        Assert.Equal(100, left.Count);
        Assert.All(left, m => Assert.False(m.IsCompleted));
        Assert.Equal(0, _store.CountHistory("build-002"));
        Assert.Equal(1, _store.CountHistory("build-000"));
    }

    [Fact]
    public void ToMetadata_MapsEveryField()
    {
        var failure = new TaskFailureDetails("System.Exception", "x", null);
        var record = Instance("m") with { Output = "1", CustomStatus = "2", Failure = failure, LastUpdatedAt = T0.AddSeconds(1), Status = OrchestrationRuntimeStatus.Failed };

        Assert.Equal(
            new OrchestrationMetadata("BuildOrchestrator", "m")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Failed,
                CreatedAt = T0,
                LastUpdatedAt = T0.AddSeconds(1),
                SerializedInput = record.Input,
                SerializedOutput = "1",
                SerializedCustomStatus = "2",
                FailureDetails = failure,
            },
            record.ToMetadata(withInputsAndOutputs: true));
        Assert.Null(record.ToMetadata(withInputsAndOutputs: false).SerializedOutput);
    }
}
