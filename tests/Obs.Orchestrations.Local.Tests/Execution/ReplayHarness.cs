using Microsoft.Extensions.Logging;
using Obs.Orchestrations.Local.Execution;

namespace Obs.Orchestrations.Local.Tests.Execution;

/// <summary>
/// Plays the engine's part around the executor: runs an episode over the history, records its actions,
/// and remembers how far the history was seen, so tests only add the results that "arrive".
/// </summary>
internal sealed class ReplayHarness
{
    public const string InstanceId = "instance-1";

    private readonly OrchestratorRegistration _registration;
    private readonly OrchestrationExecutor _executor;
    private int _seen;

    public ReplayHarness(OrchestratorRegistration registration, string? input = null, ILoggerFactory? loggerFactory = null)
    {
        _registration = registration;
        _executor = new OrchestrationExecutor(Serializer, loggerFactory);
        History = new HistoryBuilder(registration.Name, input);
    }

    public static OrchestrationSerializer Serializer { get; } = new([]);

    public HistoryBuilder History { get; }

    /// <summary>An orchestrator named "Build" from a delegate.</summary>
    public static OrchestratorRegistration Orchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        new("Build", "build.execute", () => new FuncTaskOrchestrator<TInput, TOutput>(run));

    /// <summary>One episode: replays the whole history, then records the new actions like the engine would.</summary>
    public OrchestrationExecutionResult Run()
    {
        var result = _executor.Execute(_registration, InstanceId, History.Events, _seen);
        History.Record(result.Actions);
        _seen = History.Count;
        return result;
    }

    /// <summary>Replays the history as it is, without recording anything (a re-run of the same episode).</summary>
    public OrchestrationExecutionResult Replay() => _executor.Execute(_registration, InstanceId, History.Events, History.Count);
}
