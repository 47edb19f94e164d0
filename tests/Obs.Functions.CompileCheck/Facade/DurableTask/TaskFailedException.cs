// Facade (never shipped): microsoft/durabletask-dotnet src/Abstractions/TaskFailedException.cs
namespace Microsoft.DurableTask;

#pragma warning disable CA1032 // The real exception has exactly these two constructors.
public sealed class TaskFailedException : Exception
#pragma warning restore CA1032
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
