using System.Collections.Concurrent;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>
/// A started local engine (temp SQLite file) with the build orchestration registered, and a temp
/// project directory for the steps to work in; disposing stops the engine and deletes both.
/// </summary>
internal sealed class BuildHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly OrchestrationRegistry _registry;

    private BuildHarness(string root, OrchestrationRegistry registry, LocalOrchestrationEngine engine, ConcurrentQueue<(string, ProcessOutputLine)> output)
    {
        _root = root;
        _registry = registry;
        Engine = engine;
        Output = output;
        ProjectDirectory = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
    }

    public LocalOrchestrationEngine Engine { get; }

    /// <summary>The request's working directory (where steps run and files are written).</summary>
    public string ProjectDirectory { get; }

    /// <summary>Every output line, with its step's name, as the CLI would stream them.</summary>
    public ConcurrentQueue<(string Step, ProcessOutputLine Line)> Output { get; }

    public static async Task<BuildHarness> StartAsync(int maxConcurrentActivities = 4)
    {
        var root = Directory.CreateTempSubdirectory("obs-build-").FullName;
        var output = new ConcurrentQueue<(string, ProcessOutputLine)>();
        var registry = BuildOrchestration.Register(new OrchestrationRegistry(), (line, step) => output.Enqueue((step, line)));
        var engine = new LocalOrchestrationEngine(registry, new LocalEngineOptions
        {
            DatabasePath = Path.Combine(root, "state.db"),
            MaxConcurrentActivities = maxConcurrentActivities,
        });
        await engine.StartAsync();
        return new BuildHarness(root, registry, engine, output);
    }

    /// <summary>Lines written so far by <paramref name="step"/>.</summary>
    public IReadOnlyList<string> LinesOf(string step) => [.. Output.Where(o => o.Step == step).Select(o => o.Line.Text)];

    /// <summary>Runs <paramref name="definition"/> to completion and returns the instance and its result.</summary>
    public async Task<(OrchestrationMetadata Instance, BuildResult Result)> RunAsync(BuildDefinition definition, StartOrchestrationOptions? options = null)
    {
        var id = await Engine.Client.ScheduleNewOrchestrationInstanceAsync(
            BuildOrchestration.Name, new BuildRequest(definition, ProjectDirectory, "run-1"), options);
        using var timeout = new CancellationTokenSource(Patience);
        var instance = await Engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        var result = _registry.Serializer.Deserialize<BuildResult>(instance.SerializedOutput);
        return (instance, Assert.IsType<BuildResult>(result));
    }

    public string PathOf(string relative) => Path.Combine(ProjectDirectory, relative);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
