namespace Obs.Orchestrations;

/// <summary>Thrown into orchestrator code when an activity failed (after its retries), carrying the details.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException()
        : this("unknown", -1, new TaskFailureDetails("unknown", "unknown", null))
    {
    }

    public TaskFailedException(string message)
        : base(message)
    {
        TaskName = "unknown";
        FailureDetails = new TaskFailureDetails("unknown", message, null);
    }

    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "unknown";
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public string TaskName { get; }

    public int TaskId { get; } = -1;

    public TaskFailureDetails FailureDetails { get; }
}
