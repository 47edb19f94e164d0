using System.Collections.Concurrent;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;
using static Obs.Orchestrations.Local.Tests.Storage.StoreSamples;

namespace Obs.Orchestrations.Local.Tests.Storage;

public sealed class SqliteInstanceStoreEpisodeTests : IDisposable
{
    private readonly TemporaryStateDatabase _database = new();
    private readonly SqliteInstanceStore _store;

    public SqliteInstanceStoreEpisodeTests()
    {
        _store = _database.Open();
        CreateRunning(_store, "i", "engine-a");
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void CommitEpisode_Owner_AppendsConsecutiveSequencesAndWork()
    {
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(0), Scheduled(1)], [Activity(0), Activity(1)], Running(3), out var inserted));
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(2)], [Timer(2, T0.AddMinutes(1))], Running(4) with { CustomStatus = "\"half\"" }));

        Assert.Equal([0L, 1, 2, 3], _store.GetHistory("i").Select(e => e.Sequence));
        var work = _store.GetWork("i");
        Assert.Equal([0, 1, 2], work.Select(w => w.TaskId));
        Assert.Equal(inserted, work.Take(2));
        Assert.All(work, w => Assert.Equal("i", w.InstanceId));
        Assert.Equal(new WorkItem(work[2].Id, "i", WorkItemKind.Timer, 2, null, null, T0.AddMinutes(1)), work[2]);
        var row = _store.GetInstance("i")!;
        Assert.Equal(OrchestrationRuntimeStatus.Running, row.Status);
        Assert.Equal("\"half\"", row.CustomStatus);
        Assert.Equal(4, row.ReplayedThrough);
        Assert.Equal("engine-a", row.Owner);
    }

    [Fact]
    public void CommitEpisode_NotOwner_ReturnsFalseAndChangesNothing()
    {
        Assert.False(_store.CommitEpisode("i", "engine-b", [Scheduled(0)], [Activity(0)], Running(2)));
        Assert.False(_store.CommitEpisode("unknown", "engine-a", [Scheduled(0)], [Activity(0)], Running(2)));

        Assert.Equal(1, _store.CountHistory("i"));
        Assert.Empty(_store.GetWork("i"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, _store.GetInstance("i")!.Status);
    }

    [Fact]
    public void CommitEpisode_Terminal_DeletesWorkReleasesLeaseAndRejectsLaterCommits()
    {
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(0), Scheduled(1)], [Activity(0), Activity(1)], Running(3)));
        var failure = new TaskFailureDetails("System.Exception", "step 1 failed", null);
        var failed = new HistoryEvent(HistoryEventKind.ExecutionFailed, T0.AddSeconds(5).UtcDateTime) { Failure = failure };

        Assert.True(_store.CommitEpisode("i", "engine-a", [failed], [Activity(2)], new InstanceUpdate
        {
            Status = OrchestrationRuntimeStatus.Failed,
            Failure = failure,
            LastUpdatedAt = T0.AddSeconds(5),
            CompletedAt = T0.AddSeconds(5),
            ReplayedThrough = 4,
        }));

        Assert.Empty(_store.GetWork("i"));
        var row = _store.GetInstance("i")!;
        Assert.Equal(OrchestrationRuntimeStatus.Failed, row.Status);
        Assert.Equal(failure, row.Failure);
        Assert.Equal(T0.AddSeconds(5), row.CompletedAt);
        Assert.Null(row.Owner);
        Assert.Null(row.LeaseExpiresAt);
        Assert.False(_store.CommitEpisode("i", "engine-a", [Scheduled(9)], [], Running(5)));
        Assert.Equal(4, _store.CountHistory("i"));
    }

    [Fact]
    public void CompleteWork_Batch_AppendsInOrderAndSkipsRowsAlreadyGone()
    {
        CreateRunning(_store, "j", "engine-a");
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(0), Scheduled(1)], [Activity(0), Activity(1)], Running(3), out var iWork));
        Assert.True(_store.CommitEpisode("j", "engine-a", [Scheduled(0)], [Activity(0)], Running(2), out var jWork));
        Assert.Equal([iWork[0]], _store.CompleteWork([(iWork[0].Id, Completed(0, "\"first\""))]));

        var completed = _store.CompleteWork(
        [
            (iWork[1].Id, Completed(1, "\"second\"")),
            (iWork[0].Id, Completed(0, "\"again\"")),
            (jWork[0].Id, Completed(0, "\"j\"")),
            (12345, Completed(7)),
        ]);

        Assert.Equal([iWork[1], jWork[0]], completed);
        var history = _store.GetHistory("i");
        Assert.Equal([0L, 1, 2, 3, 4], history.Select(e => e.Sequence));
        Assert.Equal(["\"first\"", "\"second\""], history.Skip(3).Select(e => e.Payload));
        Assert.Equal(HistoryEventKind.TaskCompleted, history[4].Kind);
        Assert.Equal("\"j\"", _store.GetHistory("j")[^1].Payload);
        Assert.Empty(_store.GetWork("i"));
        Assert.Empty(_store.CompleteWork([]));
    }

    [Fact]
    public void CompleteWork_AfterTerminate_SkipsTheWork()
    {
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(0)], [Activity(0)], Running(2), out var work));
        Assert.True(_store.Terminate("i", T0.AddSeconds(3), "\"stopped\""));

        Assert.Empty(_store.CompleteWork([(work[0].Id, Completed(0))]));
        Assert.Equal(HistoryEventKind.ExecutionTerminated, _store.GetHistory("i")[^1].Kind);
    }

    [Fact]
    public void Terminate_Running_RecordsEventDeletesWorkAndReleasesLease()
    {
        Assert.True(_store.CommitEpisode("i", "engine-a", [Scheduled(0)], [Activity(0)], Running(2)));
        var now = T0.AddMinutes(2);

        Assert.True(_store.Terminate("i", now, "\"cancelled\""));

        var row = _store.GetInstance("i")!;
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, row.Status);
        Assert.Equal("\"cancelled\"", row.Output);
        Assert.Equal(now, row.CompletedAt);
        Assert.Equal(now, row.LastUpdatedAt);
        Assert.Null(row.Owner);
        Assert.Null(row.LeaseExpiresAt);
        Assert.Empty(_store.GetWork("i"));
        var last = _store.GetHistory("i")[^1];
        Assert.Equal(new HistoryEvent(HistoryEventKind.ExecutionTerminated, now.UtcDateTime) { Sequence = 2, Payload = "\"cancelled\"" }, last);
        Assert.False(_store.Terminate("i", now, null));
        Assert.False(_store.Terminate("unknown", now, null));
        Assert.Equal(3, _store.CountHistory("i"));
    }

    [Fact]
    public void CompleteWork_ManyThreadsOnOneStore_RecordsEveryCompletionOnce()
    {
        var work = Enumerable.Range(0, 400).Select(n => Activity(n)).ToList();
        Assert.True(_store.CommitEpisode("i", "engine-a", work.Select(w => Scheduled(w.TaskId)).ToList(), work, Running(401), out var inserted));

        var completed = new ConcurrentBag<WorkItem>();
        Parallel.ForEach(inserted, new ParallelOptions { MaxDegreeOfParallelism = 8 }, w =>
        {
            foreach (var item in _store.CompleteWork([(w.Id, Completed(w.TaskId))]))
            {
                completed.Add(item);
            }

            Assert.NotEmpty(_store.GetHistory("i"));
        });

        Assert.Equal(400, completed.Count);
        var history = _store.GetHistory("i");
        Assert.Equal(Enumerable.Range(0, 801).Select(n => (long)n), history.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 400), history.Skip(401).Select(e => e.TaskId).Order());
        Assert.Empty(_store.GetWork("i"));
    }

    [Fact]
    public void GetDueTimers_ReturnsOwnedTimersDueByTheGivenTime()
    {
        CreateRunning(_store, "other", "engine-b");
        Assert.True(_store.CommitEpisode("i", "engine-a", [], [Timer(0, T0.AddMinutes(2)), Timer(1, T0.AddMinutes(1)), Activity(2), Timer(3, T0.AddHours(1))], Running(1)));
        Assert.True(_store.CommitEpisode("other", "engine-b", [], [Timer(0, T0)], Running(1)));

        var due = _store.GetDueTimers("engine-a", T0.AddMinutes(5));

        Assert.Equal([1, 0], due.Select(w => w.TaskId));
    }
}
