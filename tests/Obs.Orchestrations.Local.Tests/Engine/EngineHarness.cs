using Obs.Orchestrations.Local.Engine;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>A started engine on a fresh SQLite file in a temp directory; disposing stops it and deletes the directory.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private EngineHarness(string directory, OrchestrationRegistry registry, LocalOrchestrationEngine engine)
    {
        Directory = directory;
        Registry = registry;
        Engine = engine;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "state.db");

    public OrchestrationRegistry Registry { get; }

    public LocalOrchestrationEngine Engine { get; }

    public OrchestrationClient Client => Engine.Client;

    public static async Task<EngineHarness> StartAsync(Action<OrchestrationRegistry> register, Action<LocalEngineOptions>? configure = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("obs-engine-").FullName;
        var registry = new OrchestrationRegistry();
        register(registry);
        var options = Options(Path.Combine(directory, "state.db"));
        configure?.Invoke(options);
        var engine = new LocalOrchestrationEngine(registry, options);
        await engine.StartAsync();
        return new EngineHarness(directory, registry, engine);
    }

    /// <summary>Short leases so takeover tests finish quickly.</summary>
    public static LocalEngineOptions Options(string databasePath) => new()
    {
        DatabasePath = databasePath,
        MaxConcurrentActivities = 4,
        LeaseDuration = TimeSpan.FromSeconds(2),
        HeartbeatInterval = TimeSpan.FromMilliseconds(250),
    };

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, StartOrchestrationOptions? options = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options);
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
