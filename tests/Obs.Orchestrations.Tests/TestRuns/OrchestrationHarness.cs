using System.Collections.Concurrent;
using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Processes;
using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// A started local engine (temp SQLite file) with the test orchestration registered, and a scratch
/// directory to copy samples into; disposing stops the engine and deletes both.
/// </summary>
internal sealed class OrchestrationHarness : IAsyncDisposable
{
    /// <summary>Long enough for one cold <c>dotnet test</c> of the xunit sample.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly OrchestrationRegistry _registry;

    private OrchestrationHarness(string root, OrchestrationRegistry registry, LocalOrchestrationEngine engine, ConcurrentQueue<(string, ProcessOutputLine)> output)
    {
        Root = root;
        _registry = registry;
        Engine = engine;
        Output = output;
    }

    public LocalOrchestrationEngine Engine { get; }

    /// <summary>The scratch directory (samples are copied below it).</summary>
    public string Root { get; }

    /// <summary>Every output line, with its target, as the CLI would stream them.</summary>
    public ConcurrentQueue<(string Target, ProcessOutputLine Line)> Output { get; }

    public static async Task<OrchestrationHarness> StartAsync(int maxConcurrentActivities = 4)
    {
        var root = Directory.CreateTempSubdirectory("obs-testrun-").FullName;
        var output = new ConcurrentQueue<(string, ProcessOutputLine)>();
        var registry = TestOrchestration.Register(new OrchestrationRegistry(), (line, target) => output.Enqueue((target, line)));
        var engine = new LocalOrchestrationEngine(registry, new LocalEngineOptions
        {
            DatabasePath = Path.Combine(root, "state.db"),
            MaxConcurrentActivities = maxConcurrentActivities,
        });
        await engine.StartAsync();
        return new OrchestrationHarness(root, registry, engine, output);
    }

    /// <summary>
    /// Copies <c>samples/&lt;name&gt;</c> (without build output and caches) to the scratch directory, with
    /// the samples' <c>Directory.*.props</c> beside it, and returns the copy's path.
    /// </summary>
    public string CopySample(string name) => CopySampleTo(Root, name);

    /// <summary>
    /// Copies <c>samples/&lt;name&gt;</c> (without build output and caches) below <paramref name="root"/>, with the
    /// samples' <c>Directory.*.props</c> beside it, and returns the copy's path.
    /// </summary>
    public static string CopySampleTo(string root, string name)
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        foreach (var props in Directory.EnumerateFiles(samples, "Directory.*.props"))
        {
            File.Copy(props, Path.Combine(root, Path.GetFileName(props)), overwrite: true);
        }

        var target = Path.Combine(root, name);
        CopyDirectory(Path.Combine(samples, name), target);
        return target;
    }

    /// <summary>Runs <paramref name="request"/> to completion and returns its result.</summary>
    public async Task<TestRunResult> RunAsync(TestRunRequest request)
    {
        var id = await Engine.Client.ScheduleNewOrchestrationInstanceAsync(TestOrchestration.Name, request);
        using var timeout = new CancellationTokenSource(Patience);
        var instance = await Engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        return Assert.IsType<TestRunResult>(_registry.Serializer.Deserialize<TestRunResult>(instance.SerializedOutput));
    }

    /// <summary>Lines written so far for <paramref name="target"/>.</summary>
    public IReadOnlyList<string> LinesOf(string target) => [.. Output.Where(o => o.Target == target).Select(o => o.Line.Text)];

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "samples", "python-app")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No samples/ above {AppContext.BaseDirectory}.");
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj" or "__pycache__" or ".pytest_cache" or "TestResults"))
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }
}
