namespace Obs.Functions.Hosting;

/// <summary>Durable Task's own tracing, subscribed to next to Obs's sources.</summary>
public static class DurableTracing
{
    /// <summary>
    /// The <c>ActivitySource</c> Durable Task's worker and client emit <c>orchestration:</c>, <c>activity:</c>
    /// and <c>create_orchestration:</c> spans on (durabletask-dotnet <c>src/Shared/Grpc/Tracing/TraceHelper.cs</c>).
    /// </summary>
    public const string SourceName = "Microsoft.DurableTask";
}
