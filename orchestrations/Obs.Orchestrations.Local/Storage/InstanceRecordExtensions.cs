namespace Obs.Orchestrations.Local.Storage;

/// <summary>Maps stored instances to what clients see.</summary>
public static class InstanceRecordExtensions
{
    /// <summary>The client's view of <paramref name="instance"/>; input and output only when <paramref name="withInputsAndOutputs"/>.</summary>
    public static OrchestrationMetadata ToMetadata(this InstanceRecord instance, bool withInputsAndOutputs)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new OrchestrationMetadata(instance.Name, instance.InstanceId)
        {
            RuntimeStatus = instance.Status,
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
            SerializedInput = withInputsAndOutputs ? instance.Input : null,
            SerializedOutput = withInputsAndOutputs ? instance.Output : null,
            SerializedCustomStatus = instance.CustomStatus,
            FailureDetails = instance.Failure,
        };
    }
}
