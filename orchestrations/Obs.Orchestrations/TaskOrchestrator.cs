namespace Obs.Orchestrations;

/// <summary>An orchestrator as the engine runs it (Durable's <c>ITaskOrchestrator</c>).</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>
/// Base class for orchestrators (Durable's <c>TaskOrchestrator&lt;TInput, TOutput&gt;</c>). Code in
/// <see cref="RunAsync(TaskOrchestrationContext, TInput)"/> is replayed and must be deterministic.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(true);
}
