// Facade (never shipped): microsoft/durabletask-dotnet src/Abstractions/TaskFailureDetails.cs
namespace Microsoft.DurableTask;

public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
