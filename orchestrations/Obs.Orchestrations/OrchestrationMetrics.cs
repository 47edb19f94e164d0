using Microsoft.Extensions.Logging;

namespace Obs.Orchestrations;

/// <summary>
/// How an orchestrator ends: it hands its result to its metrics activity. Activities run once per
/// instance (never on replay), so every host records an instance's metrics exactly once.
/// </summary>
public static partial class OrchestrationMetrics
{
    /// <summary>
    /// Calls <paramref name="activityName"/> with <paramref name="result"/>. A failure there (no such
    /// activity on this host, an instrument throwing) is logged, never the orchestration's failure.
    /// </summary>
    public static async Task RecordMetricsAsync(this TaskOrchestrationContext context, string activityName, object result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityName);
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            await context.CallActivityAsync<bool>(activityName, result).ConfigureAwait(true);
        }
        catch (TaskFailedException ex)
        {
            RecordingFailed(context.CreateReplaySafeLogger(typeof(OrchestrationMetrics).FullName!), activityName, context.InstanceId, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Activity} failed for instance {InstanceId}; its metrics are not recorded")]
    private static partial void RecordingFailed(ILogger logger, string activity, string instanceId, Exception exception);
}
