using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>
/// Engines sharing one SQLite file in a temp directory, each running the same orchestrations but
/// recording which engine ran every task; disposing stops them and deletes the directory.
/// </summary>
internal sealed class TwoEnginesRig : IAsyncDisposable
{
    public const string Orchestrator = "Tasks";
    public const string Activity = "Task";

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-two-engines-").FullName;
    private readonly List<LocalOrchestrationEngine> _engines = [];
    private readonly SqliteInstanceStore _store;

    public TwoEnginesRig(TimeSpan taskDelay)
    {
        TaskDelay = taskDelay;
        _store = SqliteInstanceStore.Open(DatabasePath);
    }

    public string DatabasePath => Path.Combine(_directory, "state.db");

    public TimeSpan TaskDelay { get; }

    /// <summary>Every task that ran to its end (cancelled ones are not recorded).</summary>
    public ConcurrentBag<TaskRun> Runs { get; } = [];

    /// <summary>Starts an engine on the shared file whose tasks record <paramref name="owner"/>.</summary>
    public async Task<LocalOrchestrationEngine> StartEngineAsync(string owner, TimeSpan leaseDuration, TimeSpan heartbeat)
    {
        var engine = new LocalOrchestrationEngine(Registry(owner), new LocalEngineOptions
        {
            DatabasePath = DatabasePath,
            OwnerId = owner,
            MaxConcurrentActivities = 4,
            LeaseDuration = leaseDuration,
            HeartbeatInterval = heartbeat,
        });
        await engine.StartAsync();
        _engines.Add(engine);
        return engine;
    }

    /// <summary>
    /// Writes a Pending instance that no engine owns straight into the store, as the client would
    /// (minus the owner), so whichever engine's lease loop claims it first runs it.
    /// </summary>
    public void CreateUnowned(string instanceId, int taskCount)
    {
        var now = DateTimeOffset.UtcNow;
        var spanId = ActivitySpanId.CreateRandom().ToHexString();
        var input = taskCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = Orchestrator,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = input,
            CreatedAt = now,
            LastUpdatedAt = now,
            TraceId = ActivityTraceId.CreateRandom().ToHexString(),
            SpanId = spanId,
            FirstSpanId = spanId,
            AttemptStartedAt = now,
            Owner = null,
            LeaseExpiresAt = null,
        };
        var started = new HistoryEvent(HistoryEventKind.ExecutionStarted, now.UtcDateTime) { Name = Orchestrator, Payload = input };
        Assert.True(_store.CreateInstance(record, started), $"{instanceId} already exists");
    }

    /// <summary>Waits (bounded) until every instance is Completed, asking the shared file through <paramref name="client"/>.</summary>
    public static async Task WaitForAllAsync(OrchestrationClient client, IEnumerable<string> instanceIds, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        foreach (var id in instanceIds)
        {
            var result = await client.WaitForInstanceCompletionAsync(id, cancellation: cancellation.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        }
    }

    /// <summary>The instance row as stored now.</summary>
    public InstanceRecord Instance(string instanceId) => _store.GetInstance(instanceId) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }

        _store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private OrchestrationRegistry Registry(string owner) => new OrchestrationRegistry()
        .AddActivity<int, int>(Activity, async (context, task) =>
        {
            await Task.Delay(TaskDelay, context.CancellationToken);
            Runs.Add(new TaskRun(context.InstanceId, task, owner));
            return task;
        })
        .AddOrchestrator<int, int>(Orchestrator, async (context, taskCount) =>
        {
            for (var i = 0; i < taskCount; i++)
            {
                await context.CallActivityAsync<int>(Activity, i);
            }

            return taskCount;
        });
}

/// <summary>One task that ran to its end: which instance, which task, on which engine.</summary>
internal sealed record TaskRun(string InstanceId, int Task, string Owner);
