using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;

namespace Obs.Bench;

/// <summary>
/// A started engine with default settings on a fresh SQLite file in a temp directory, with the
/// benchmark orchestrations registered; disposing stops it and deletes the directory.
/// </summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    public const string FanOut = "FanOut";
    public const string Chain = "Chain";
    public const string Noop = "Noop";

    private readonly string _directory;

    private BenchEngine(string directory, LocalOrchestrationEngine engine)
    {
        _directory = directory;
        Engine = engine;
    }

    public LocalOrchestrationEngine Engine { get; }

    public OrchestrationClient Client => Engine.Client;

    public string DatabasePath => Path.Combine(_directory, "state.db");

    public static async Task<BenchEngine> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("obs-bench-").FullName;
        var engine = new LocalOrchestrationEngine(Registry(), new LocalEngineOptions { DatabasePath = Path.Combine(directory, "state.db") });
        await engine.StartAsync().ConfigureAwait(false);
        return new BenchEngine(directory, engine);
    }

    /// <summary>
    /// Starts <paramref name="count"/> instances of <paramref name="orchestrator"/> with input <paramref name="activities"/>
    /// and waits for all, with <see cref="OrchestrationClient.WaitForInstanceCompletionAsync"/> or, when
    /// <paramref name="poll"/>, by polling <see cref="OrchestrationClient.GetInstanceAsync"/> (to tell the waiter's
    /// memory from the engine's).
    /// </summary>
    public async Task RunAsync(string orchestrator, int count, int activities, bool poll = false)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, activities).ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var results = await Task.WhenAll(ids.Select(id => poll ? PollAsync(id, timeout.Token) : Client.WaitForInstanceCompletionAsync(id, cancellation: timeout.Token))).ConfigureAwait(false);
        if (results.FirstOrDefault(r => r.RuntimeStatus != OrchestrationRuntimeStatus.Completed) is { } failed)
        {
            throw new InvalidOperationException($"{failed.InstanceId} ended {failed.RuntimeStatus}: {failed.FailureDetails?.ErrorMessage}");
        }
    }

    /// <summary>The database file and its WAL, in bytes.</summary>
    public long DatabaseBytes() =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, CancellationToken cancellation)
    {
        while (true)
        {
            if (await Client.GetInstanceAsync(instanceId, cancellation: cancellation).ConfigureAwait(false) is { IsCompleted: true } done)
            {
                return done;
            }

            await Task.Delay(5, cancellation).ConfigureAwait(false);
        }
    }

    private static OrchestrationRegistry Registry() => new OrchestrationRegistry()
        .AddActivity<int, int>(Noop, (_, x) => Task.FromResult(x))
        .AddOrchestrator<int, int>(FanOut, async (context, n) =>
        {
            var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>(Noop, i))).ConfigureAwait(true);
            return results.Length;
        })
        .AddOrchestrator<int, int>(Chain, async (context, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                await context.CallActivityAsync<int>(Noop, i).ConfigureAwait(true);
            }

            return n;
        });
}
