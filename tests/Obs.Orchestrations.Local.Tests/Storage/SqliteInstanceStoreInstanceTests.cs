using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;
using static Obs.Orchestrations.Local.Tests.Storage.StoreSamples;

namespace Obs.Orchestrations.Local.Tests.Storage;

public sealed class SqliteInstanceStoreInstanceTests : IDisposable
{
    private readonly TemporaryStateDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void CreateInstance_EveryField_RoundTrips()
    {
        var store = _database.Open();
        var instance = new InstanceRecord
        {
            InstanceId = "build-1",
            Name = "BuildOrchestrator",
            Status = OrchestrationRuntimeStatus.Running,
            Input = """{"project":"app.csproj"}""",
            Output = "\"done\"",
            CustomStatus = """{"step":"compile"}""",
            Failure = new TaskFailureDetails("System.InvalidOperationException", "outer", "at A()", new TaskFailureDetails("System.IO.IOException", "inner", null)),
            CreatedAt = T0,
            LastUpdatedAt = T0.AddSeconds(1),
            CompletedAt = T0.AddSeconds(2),
            TraceId = "0af7651916cd43dd8448eb211c80319c",
            SpanId = "b7ad6b7169203331",
            ParentSpanId = "00f067aa0ba902b7",
            TraceState = "rojo=00f067aa0ba902b7",
            Sampled = false,
            Attempt = 3,
            AttemptStartedAt = T0.AddSeconds(3),
            FirstSpanId = "53995c3f42cd8ad8",
            Owner = "engine-a",
            LeaseExpiresAt = T0.AddMinutes(1),
            ReplayedThrough = 7,
        };

        Assert.True(store.CreateInstance(instance, Started()));

        var read = store.GetInstance("build-1");
        Assert.Equal(instance, read);
        Assert.Equal(TimeSpan.Zero, read!.CreatedAt.Offset);
    }

    [Fact]
    public void GetHistory_EveryEventField_RoundTripsWithUtcKindsAndSequence()
    {
        var store = _database.Open();
        var started = new HistoryEvent(HistoryEventKind.ExecutionStarted, DateTime.SpecifyKind(T0.UtcDateTime, DateTimeKind.Unspecified))
        {
            Name = "BuildOrchestrator",
            Payload = "{}",
        };
        Assert.True(store.CreateInstance(Instance("i") with { Status = OrchestrationRuntimeStatus.Running, Owner = "e" }, started));
        var timer = new HistoryEvent(HistoryEventKind.TimerCreated, T0.AddSeconds(1).UtcDateTime) { TaskId = 4, FireAt = T0.AddMinutes(5).UtcDateTime };
        var failed = new HistoryEvent(HistoryEventKind.TaskFailed, T0.AddSeconds(2).UtcDateTime)
        {
            TaskId = 5,
            Failure = new TaskFailureDetails("System.Exception", "boom", "at B()", new TaskFailureDetails("System.TimeoutException", "slow", null)),
        };
        Assert.True(store.CommitEpisode("i", "e", [timer, failed], [], Running(3)));

        var history = store.GetHistory("i");

        Assert.Equal([started with { Sequence = 0, Timestamp = T0.UtcDateTime }, timer with { Sequence = 1 }, failed with { Sequence = 2 }], history);
        Assert.All(history, e => Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind));
        Assert.Equal(DateTimeKind.Utc, history[1].FireAt!.Value.Kind);
        Assert.Null(history[0].FireAt);
        Assert.Equal(-1, history[0].TaskId);
        Assert.Equal(3, store.CountHistory("i"));
    }

    [Fact]
    public void CreateInstance_ExistingId_ReturnsFalseAndChangesNothing()
    {
        var store = _database.Open();
        Assert.True(store.CreateInstance(Instance("dup"), Started()));

        Assert.False(store.CreateInstance(Instance("dup") with { Name = "Other", Input = "1" }, Started("1")));

        Assert.Equal("BuildOrchestrator", store.GetInstance("dup")!.Name);
        Assert.Equal(1, store.CountHistory("dup"));
    }

    [Fact]
    public void GetInstance_UnknownId_ReturnsNullAndEmptyHistory()
    {
        var store = _database.Open();

        Assert.Null(store.GetInstance("nope"));
        Assert.Empty(store.GetHistory("nope"));
        Assert.Empty(store.GetWork("nope"));
    }

    [Fact]
    public void Open_AfterDispose_DataSurvives()
    {
        using (var store = SqliteInstanceStore.Open(_database.Path))
        {
            CreateRunning(store, "kept", "engine-a");
            Assert.True(store.CommitEpisode("kept", "engine-a", [Scheduled(0)], [Activity(0)], Running(2)));
        }

        var reopened = _database.Open();

        Assert.Equal("engine-a", reopened.GetInstance("kept")!.Owner);
        Assert.Equal(2, reopened.GetHistory("kept").Count);
        Assert.Equal("RunStep", Assert.Single(reopened.GetWork("kept")).Name);
    }

    [Fact]
    public void Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var store = SqliteInstanceStore.Open(_database.Path);
        store.Dispose();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.GetInstance("x"));
    }
}
