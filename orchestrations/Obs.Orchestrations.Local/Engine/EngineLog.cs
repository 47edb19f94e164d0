using Microsoft.Extensions.Logging;

namespace Obs.Orchestrations.Local.Engine;

/// <summary>The engine's log messages, source-generated with stable event ids.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Engine {Owner} started on {DatabasePath}; resumed {Count} instance(s)")]
    public static partial void Started(ILogger logger, string owner, string databasePath, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Instance {InstanceId} resumed as attempt {Attempt}: engine {PreviousOwner} stopped before finishing it")]
    public static partial void Resumed(ILogger logger, string instanceId, int attempt, string previousOwner);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Episode of instance {InstanceId} failed; it will be retried")]
    public static partial void EpisodeFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Committing {Count} activity result(s) failed; they will run again")]
    public static partial void CommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Lease upkeep failed")]
    public static partial void LeaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Instance {InstanceId} finished: {Status}")]
    public static partial void Finished(ILogger logger, string instanceId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Emitting the orchestration span of {InstanceId} failed")]
    public static partial void SpanFailed(ILogger logger, string instanceId, Exception exception);
}
