using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Obs.Orchestrations.Local.Execution;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>
/// The embedded durable engine. State lives in one SQLite file; an instance's orchestrator is
/// replayed from its history after every batch of activity results, so a killed process resumes
/// where it stopped and completed activities never run again. Activities run on a bounded worker
/// pool. Each instance is leased by one engine at a time, so several engines (a CLI run beside
/// <c>obs serve</c>) can share a database, and a dead engine's instances are taken over.
/// </summary>
public sealed partial class LocalOrchestrationEngine : IAsyncDisposable
{
    private readonly OrchestrationRegistry _registry;
    private readonly LocalEngineOptions _options;
    private readonly ILogger _logger;
    private readonly OrchestrationExecutor _executor;
    private readonly ConcurrentDictionary<string, OwnedInstance> _owned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _readySet = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<WorkItem> _activities = Channel.CreateUnbounded<WorkItem>();
    private readonly Channel<ActivityCompletion> _completions = Channel.CreateUnbounded<ActivityCompletion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _finishing = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private SqliteInstanceStore? _store;

    public LocalOrchestrationEngine(OrchestrationRegistry registry, LocalEngineOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _options = options ?? new LocalEngineOptions();
        _options.Validate();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalOrchestrationEngine>();
        _executor = new OrchestrationExecutor(registry.Serializer, loggerFactory);
        Client = new LocalOrchestrationClient(this);
    }

    /// <summary>Starts, queries and terminates instances on this engine.</summary>
    public OrchestrationClient Client { get; }

    /// <summary>This engine's id in the lease table.</summary>
    public string OwnerId => _options.OwnerId;

    internal SqliteInstanceStore Store => _store ?? throw new InvalidOperationException("The engine is not started: call StartAsync first.");

    internal OrchestrationRegistry Registry => _registry;

    internal TimeProvider Clock => _options.TimeProvider;

    /// <summary>How long a lease lasts: the longest a dead engine's instances wait to be taken over.</summary>
    public TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <summary>Completion waiters not yet released (0 when nobody waits): memory must not grow with finished instances.</summary>
    internal int WaiterCount => _finished.Count;

    /// <summary>
    /// Opens (or creates) the state database, resumes this engine's unfinished instances and any
    /// whose lease expired, and starts the dispatcher, the activity workers and the lease keeper.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_store is not null)
        {
            throw new InvalidOperationException("The engine is already started.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _store = SqliteInstanceStore.Open(Path.GetFullPath(_options.DatabasePath));
        var resumed = ClaimAndResume(includeOwnedBy: true);

        _loops.Add(Task.Run(DispatchLoopAsync, CancellationToken.None));
        _loops.Add(Task.Run(CommitLoopAsync, CancellationToken.None));
        for (var i = 0; i < _options.MaxConcurrentActivities; i++)
        {
            _loops.Add(Task.Run(ActivityWorkerLoopAsync, CancellationToken.None));
        }

        _loops.Add(Task.Run(LeaseLoopAsync, CancellationToken.None));
        EngineLog.Started(_logger, OwnerId, _options.DatabasePath, resumed);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully: running activities are cancelled and not recorded, leases are released,
    /// and unfinished instances resume from their last recorded step on the next start.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _ready.Writer.TryComplete();
        _activities.Writer.TryComplete();
        _completions.Writer.TryComplete();
        await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (_store is not null)
        {
            // Results that finished before the stop are kept, so those activities do not run again.
            var pending = new List<ActivityCompletion>();
            while (_completions.Reader.TryRead(out var completion))
            {
                pending.Add(completion);
            }

            if (pending.Count > 0)
            {
                _store.CompleteWork([.. pending.Select(c => (c.Work.Id, c.Event))]);
            }

            foreach (var id in _owned.Keys)
            {
                _store.ReleaseLease(id, OwnerId);
                Release(id);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _store?.Dispose();
            _stopping.Dispose();
        }
    }

    /// <summary>Queues an episode for the instance (once, however many results arrive meanwhile).</summary>
    internal void MarkReady(string instanceId)
    {
        if (_readySet.TryAdd(instanceId, 0))
        {
            _ready.Writer.TryWrite(instanceId);
        }
    }

    /// <summary>Takes ownership of a freshly created instance and runs its first episode.</summary>
    internal void Adopt(InstanceRecord record)
    {
        _owned[record.InstanceId] = new OwnedInstance(record, _stopping.Token);
        MarkReady(record.InstanceId);
    }

    /// <summary>A task that completes the next time this engine sees the instance finish; callers check the store too.</summary>
    internal Task WhenFinished(string instanceId) =>
        _finished.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// True between storing an instance's end and emitting its orchestration span. A waiter that saw the
    /// end in the store waits this out, so a host that flushes its exporter after the wait has the span.
    /// </summary>
    internal bool IsFinishing(string instanceId)
    {
        lock (_finishing)
        {
            return _finishing.ContainsKey(instanceId);
        }
    }

    /// <summary>Drops a waiter that is no longer needed (the caller saw the instance finish, or gave up).</summary>
    internal void StopWaiting(string instanceId, Task waiter)
    {
        if (_finished.TryGetValue(instanceId, out var source) && source.Task == waiter)
        {
            _finished.TryRemove(new KeyValuePair<string, TaskCompletionSource>(instanceId, source));
            source.TrySetResult();
        }
    }

    /// <summary>Terminates an instance this or another engine runs.</summary>
    internal bool Terminate(string instanceId, string? outputJson)
    {
        var record = Store.GetInstance(instanceId);
        if (record is null)
        {
            return false;
        }

        BeginFinishing(instanceId);
        if (!Store.Terminate(instanceId, Clock.GetUtcNow(), outputJson))
        {
            EndFinishing(instanceId);
            return false;
        }

        if (_owned.TryGetValue(instanceId, out var owned))
        {
            owned.Cancel();
        }

        Finish(record, OrchestrationRuntimeStatus.Terminated, null, new Dictionary<string, object?>());
        return true;
    }

    /// <summary>
    /// Marks an instance whose end is about to be stored, before anyone can read it there. Counted: an
    /// episode and a terminate may race, and the one that loses must not clear the winner's mark.
    /// </summary>
    private void BeginFinishing(string instanceId)
    {
        lock (_finishing)
        {
            _finishing[instanceId] = _finishing.GetValueOrDefault(instanceId) + 1;
        }
    }

    private void EndFinishing(string instanceId)
    {
        lock (_finishing)
        {
            if (_finishing.TryGetValue(instanceId, out var count) && count > 1)
            {
                _finishing[instanceId] = count - 1;
            }
            else
            {
                _finishing.Remove(instanceId);
            }
        }
    }

    /// <summary>After the end is stored: emits the span, then lets waiters go.</summary>
    private void Finish(InstanceRecord record, OrchestrationRuntimeStatus status, TaskFailureDetails? failure, IReadOnlyDictionary<string, object?> attributes)
    {
        EmitFinished(record, status, failure, attributes);
        EndFinishing(record.InstanceId);
        Release(record.InstanceId);
        Signal(record.InstanceId);
    }

    private void Release(string instanceId)
    {
        if (_owned.TryRemove(instanceId, out var owned))
        {
            owned.Dispose();
        }
    }

    private void Signal(string instanceId)
    {
        if (_finished.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private void EmitFinished(InstanceRecord record, OrchestrationRuntimeStatus status, TaskFailureDetails? failure, IReadOnlyDictionary<string, object?> attributes)
    {
        try
        {
            OrchestrationSpans.EmitFinished(record, SpanName(record.Name), status, failure, attributes, Clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            // Tracing must never change the work's outcome.
            EngineLog.SpanFailed(_logger, record.InstanceId, ex);
        }

        EngineLog.Finished(_logger, record.InstanceId, status);
    }

    private string SpanName(string orchestratorName) =>
        _registry.TryGetOrchestrator(orchestratorName, out var registration) ? registration.SpanName : orchestratorName;
}
