using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Tests.Storage;

/// <summary>Records with every field set, at millisecond precision (what the store keeps).</summary>
internal static class StoreSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public static InstanceRecord Instance(string id, DateTimeOffset? createdAt = null, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Pending) => new()
    {
        InstanceId = id,
        Name = "BuildOrchestrator",
        Status = status,
        Input = """{"project":"app.csproj"}""",
        CreatedAt = createdAt ?? T0,
        LastUpdatedAt = createdAt ?? T0,
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = "b7ad6b7169203331",
        FirstSpanId = "b7ad6b7169203331",
        AttemptStartedAt = createdAt ?? T0,
    };

    public static HistoryEvent Started(string? input = """{"project":"app.csproj"}""") =>
        new(HistoryEventKind.ExecutionStarted, T0.UtcDateTime) { Name = "BuildOrchestrator", Payload = input };

    public static HistoryEvent Scheduled(int taskId, string name = "RunStep") =>
        new(HistoryEventKind.TaskScheduled, T0.AddSeconds(1).UtcDateTime) { TaskId = taskId, Name = name, Payload = $"{{\"step\":{taskId}}}" };

    public static HistoryEvent Completed(int taskId, string result = "0") =>
        new(HistoryEventKind.TaskCompleted, T0.AddSeconds(2).UtcDateTime) { TaskId = taskId, Payload = result };

    public static WorkItem Activity(int taskId, string name = "RunStep") =>
        new(0, string.Empty, WorkItemKind.Activity, taskId, name, $"{{\"step\":{taskId}}}", T0.AddSeconds(1));

    public static WorkItem Timer(int taskId, DateTimeOffset dueAt) =>
        new(0, string.Empty, WorkItemKind.Timer, taskId, null, null, dueAt);

    public static InstanceUpdate Running(int replayedThrough) => new()
    {
        Status = OrchestrationRuntimeStatus.Running,
        LastUpdatedAt = T0.AddSeconds(1),
        ReplayedThrough = replayedThrough,
    };

    /// <summary>Creates a running instance held by <paramref name="owner"/>.</summary>
    public static void CreateRunning(SqliteInstanceStore store, string id, string owner, DateTimeOffset? leaseExpiresAt = null)
    {
        var created = store.CreateInstance(
            Instance(id) with { Status = OrchestrationRuntimeStatus.Running, Owner = owner, LeaseExpiresAt = leaseExpiresAt ?? T0.AddMinutes(1) },
            Started());
        Assert.True(created);
    }
}
