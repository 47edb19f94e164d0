namespace Obs.Orchestrations;

/// <summary>Why a task or orchestration failed (Durable's <c>TaskFailureDetails</c>).</summary>
/// <param name="ErrorType">The exception's full type name.</param>
/// <param name="ErrorMessage">Its message.</param>
/// <param name="StackTrace">Its stack trace, if any.</param>
/// <param name="InnerFailure">The failure that caused it, if any.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception (and its inner exceptions).</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed)
        {
            return new TaskFailureDetails(failed.GetType().FullName!, failed.Message, failed.StackTrace, failed.FailureDetails);
        }

        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True when the failure (or one it wraps) is of type <typeparamref name="T"/>, by name.</summary>
    public bool IsCausedBy<T>() where T : Exception =>
        ErrorType == typeof(T).FullName || (InnerFailure?.IsCausedBy<T>() ?? false);
}
