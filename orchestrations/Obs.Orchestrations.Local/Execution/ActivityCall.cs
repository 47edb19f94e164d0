using Obs.Orchestrations.Local.History;

namespace Obs.Orchestrations.Local.Execution;

/// <summary>A <c>CallActivityAsync</c> call: completed by TaskCompleted, faulted by TaskFailed.</summary>
internal abstract class ActivityCall : OrchestratorCall
{
    protected ActivityCall(int taskId, string name, string? input)
        : base(taskId)
    {
        Name = name;
        Input = input;
    }

    public string Name { get; }

    /// <summary>The input as JSON, taken when the call was made (later changes to the object do not count).</summary>
    public string? Input { get; }

    public override string Description => Describe(Name);

    public static string Describe(string? name) => $"CallActivityAsync('{name}')";

    public override bool Matches(HistoryEvent scheduled) =>
        scheduled.Kind == HistoryEventKind.TaskScheduled && string.Equals(scheduled.Name, Name, StringComparison.Ordinal);

    public override OrchestratorAction ToAction() => new ScheduleTaskAction(TaskId, Name, Input);

    /// <summary>Delivers the activity's result (JSON); a result that does not deserialize faults the call.</summary>
    public abstract void Complete(string? result, OrchestrationSerializer serializer);

    /// <summary>Throws <see cref="TaskFailedException"/> into the awaiting code.</summary>
    public abstract void Fail(TaskFailureDetails failure);
}

/// <summary>An activity call whose result is a <typeparamref name="TResult"/>.</summary>
internal sealed class ActivityCall<TResult> : ActivityCall
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.None);

    public ActivityCall(int taskId, string name, string? input)
        : base(taskId, name, input)
    {
    }

    public Task<TResult> Task => _completion.Task;

    public override void Complete(string? result, OrchestrationSerializer serializer)
    {
        TResult value;
        try
        {
            // Unboxing null into a value type throws, so a null result becomes default explicitly.
            value = serializer.Deserialize(result, typeof(TResult)) is TResult typed ? typed : default!;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            _completion.TrySetException(ex);
            return;
        }

        _completion.TrySetResult(value);
    }

    public override void Fail(TaskFailureDetails failure) =>
        _completion.TrySetException(new TaskFailedException(Name, TaskId, failure));
}
