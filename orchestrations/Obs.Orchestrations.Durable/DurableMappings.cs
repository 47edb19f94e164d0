using DurableClientStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableMetadata = Microsoft.DurableTask.Client.OrchestrationMetadata;
using DurableRetryPolicy = Microsoft.DurableTask.RetryPolicy;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;
using ObsFailure = Obs.Orchestrations.TaskFailureDetails;
using ObsMetadata = Obs.Orchestrations.OrchestrationMetadata;
using ObsRetryPolicy = Obs.Orchestrations.RetryPolicy;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;
using ObsTaskOptions = Obs.Orchestrations.TaskOptions;

namespace Obs.Orchestrations.Durable;

/// <summary>
/// Value-for-value conversions between Durable Task's isolated types and the Obs contract, which copies
/// them name for name. One place, so the adapter classes stay one line per member.
/// </summary>
public static class DurableMappings
{
    /// <summary>Durable's status as Obs's: ContinuedAsNew is still running, Canceled ended like Terminated.</summary>
    public static ObsStatus ToObs(DurableClientStatus status) => status switch
    {
        DurableClientStatus.Running => ObsStatus.Running,
        DurableClientStatus.Completed => ObsStatus.Completed,
        DurableClientStatus.Failed => ObsStatus.Failed,
        DurableClientStatus.Terminated => ObsStatus.Terminated,
        DurableClientStatus.Pending => ObsStatus.Pending,
        DurableClientStatus.Suspended => ObsStatus.Suspended,
#pragma warning disable CS0618 // Durable marks both obsolete but older task hubs still report them.
        DurableClientStatus.ContinuedAsNew => ObsStatus.Running,
        DurableClientStatus.Canceled => ObsStatus.Terminated,
#pragma warning restore CS0618
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown Durable runtime status."),
    };

    /// <summary>Obs's status as Durable's (every Obs value has a same-named Durable one).</summary>
    public static DurableClientStatus ToDurable(ObsStatus status) => status switch
    {
        ObsStatus.Running => DurableClientStatus.Running,
        ObsStatus.Completed => DurableClientStatus.Completed,
        ObsStatus.Failed => DurableClientStatus.Failed,
        ObsStatus.Terminated => DurableClientStatus.Terminated,
        ObsStatus.Pending => DurableClientStatus.Pending,
        ObsStatus.Suspended => DurableClientStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown Obs runtime status."),
    };

    /// <summary>Durable's failure details (and every inner failure) as Obs's.</summary>
    public static ObsFailure? ToObs(DurableFailure? failure) =>
        failure is null ? null : new ObsFailure(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToObs(failure.InnerFailure));

    /// <summary>Obs's failure details as Durable's.</summary>
    public static DurableFailure? ToDurable(ObsFailure? failure) =>
        failure is null ? null : new DurableFailure(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToDurable(failure.InnerFailure), Properties: null);

    /// <summary>An instance's metadata as Obs's: the input is the caller's, without Obs's trace envelope.</summary>
    public static ObsMetadata? ToObs(DurableMetadata? metadata) =>
        metadata is null ? null : new ObsMetadata(metadata.Name, metadata.InstanceId)
        {
            RuntimeStatus = ToObs(metadata.RuntimeStatus),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = ObsEnvelope.InputOf(metadata.SerializedInput),
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = ToObs(metadata.FailureDetails),
        };

    /// <summary>
    /// Obs's task options as Durable's: the same five retry values (Durable then schedules the retries on
    /// durable timers) and the failure filter; null when nothing is retried.
    /// </summary>
    public static DurableTaskOptions? ToDurable(ObsTaskOptions? options)
    {
        if (options?.Retry is not { } retry)
        {
            return null;
        }

        return DurableTaskOptions.FromRetryPolicy(ToDurable(retry));
    }

    /// <summary>Obs's retry policy as Durable's.</summary>
    public static DurableRetryPolicy ToDurable(ObsRetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (retry.HandleFailure is not { } handle)
        {
            return new DurableRetryPolicy(retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval, retry.RetryTimeout);
        }

        return new DurableRetryPolicy(retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval, retry.RetryTimeout)
        {
            HandleFailure = details => handle(ToObs(details)!),
        };
    }
}
