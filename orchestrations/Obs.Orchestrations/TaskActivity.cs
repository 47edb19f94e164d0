namespace Obs.Orchestrations;

/// <summary>An activity as the engine runs it (Durable's <c>ITaskActivity</c>).</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class for activities: where side effects (processes, I/O, spans) live.</summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
}

/// <summary>An activity from a delegate, for small activities and tests.</summary>
public sealed class FuncTaskActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    private readonly Func<TaskActivityContext, TInput, Task<TOutput>> _run;

    public FuncTaskActivity(Func<TaskActivityContext, TInput, Task<TOutput>> run) => _run = run;

    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => _run(context, input);
}

/// <summary>An orchestrator from a delegate, for small orchestrations and tests.</summary>
public sealed class FuncTaskOrchestrator<TInput, TOutput> : TaskOrchestrator<TInput, TOutput>
{
    private readonly Func<TaskOrchestrationContext, TInput, Task<TOutput>> _run;

    public FuncTaskOrchestrator(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) => _run = run;

    public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => _run(context, input);
}
