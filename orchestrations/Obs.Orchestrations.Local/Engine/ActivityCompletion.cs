using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>A finished activity or fired timer, waiting to be committed with its work row's deletion.</summary>
internal sealed record ActivityCompletion(WorkItem Work, HistoryEvent Event)
{
    /// <summary>Set once the result is in the store (or its instance is gone): the worker that ran it waits for this.</summary>
    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
