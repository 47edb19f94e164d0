using Obs.Orchestrations.Durable;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableMetadata = Microsoft.DurableTask.Client.OrchestrationMetadata;
using DurableStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;
using ObsFailure = Obs.Orchestrations.TaskFailureDetails;
using ObsRetryPolicy = Obs.Orchestrations.RetryPolicy;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;

namespace Obs.Functions.Tests.Adapter;

/// <summary>Durable's statuses, failures, metadata and retry policies as Obs's, and back.</summary>
public sealed class DurableMappingsTests
{
#pragma warning disable CS0618 // Durable's obsolete statuses must still map.
    public static TheoryData<DurableStatus, ObsStatus> DurableStatuses => new()
    {
        { DurableStatus.Running, ObsStatus.Running },
        { DurableStatus.Completed, ObsStatus.Completed },
        { DurableStatus.ContinuedAsNew, ObsStatus.Running },
        { DurableStatus.Failed, ObsStatus.Failed },
        { DurableStatus.Canceled, ObsStatus.Terminated },
        { DurableStatus.Terminated, ObsStatus.Terminated },
        { DurableStatus.Pending, ObsStatus.Pending },
        { DurableStatus.Suspended, ObsStatus.Suspended },
    };
#pragma warning restore CS0618

    [Theory]
    [MemberData(nameof(DurableStatuses))]
    public void ToObs_MapsEveryDurableStatus(DurableStatus durable, ObsStatus expected) =>
        Assert.Equal(expected, DurableMappings.ToObs(durable));

    [Fact]
    public void DurableStatuses_CoverEveryDurableValue() =>
        Assert.Equal(Enum.GetValues<DurableStatus>().Order(), DurableStatuses.Select(row => (DurableStatus)row[0]).Order());

    [Theory]
    [InlineData(ObsStatus.Running)]
    [InlineData(ObsStatus.Completed)]
    [InlineData(ObsStatus.Failed)]
    [InlineData(ObsStatus.Terminated)]
    [InlineData(ObsStatus.Pending)]
    [InlineData(ObsStatus.Suspended)]
    public void ToDurable_RoundTripsEveryObsStatusByName(ObsStatus status)
    {
        var durable = DurableMappings.ToDurable(status);

        Assert.Equal(status.ToString(), durable.ToString());
        Assert.Equal(status, DurableMappings.ToObs(durable));
    }

    [Fact]
    public void ObsStatuses_AreEachMappedToDurable() =>
        Assert.All(Enum.GetValues<ObsStatus>(), status => DurableMappings.ToDurable(status));

    [Fact]
    public void ToObs_FailureDetails_KeepsTypeMessageStackAndEveryInnerFailure()
    {
        var durable = new DurableFailure("A", "a", "at a",
            new DurableFailure("B", "b", null,
                new DurableFailure("C", "c", "at c", null, null), null), null);

        var obs = DurableMappings.ToObs(durable)!;

        Assert.Equal(("A", "a", "at a"), (obs.ErrorType, obs.ErrorMessage, obs.StackTrace));
        Assert.Equal(("B", "b", (string?)null), (obs.InnerFailure!.ErrorType, obs.InnerFailure.ErrorMessage, obs.InnerFailure.StackTrace));
        Assert.Equal(("C", "c", "at c"), (obs.InnerFailure.InnerFailure!.ErrorType, obs.InnerFailure.InnerFailure.ErrorMessage, obs.InnerFailure.InnerFailure.StackTrace));
        Assert.Null(obs.InnerFailure.InnerFailure.InnerFailure);
        Assert.Equal(durable, DurableMappings.ToDurable(obs));
    }

    [Fact]
    public void ToObs_FailureDetailsWithProperties_DropsThePropertiesObsHasNoPlaceFor()
    {
        var durable = new DurableFailure("A", "a", null, null, new Dictionary<string, object?> { ["code"] = 7 });

        Assert.Equal(new ObsFailure("A", "a", null), DurableMappings.ToObs(durable));
    }

    [Fact]
    public void ToObs_NullFailureOrMetadata_IsNull()
    {
        Assert.Null(DurableMappings.ToObs((DurableFailure?)null));
        Assert.Null(DurableMappings.ToObs((DurableMetadata?)null));
        Assert.Null(DurableMappings.ToDurable((ObsFailure?)null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("""{"steps":[]}""", """{"steps":[]}""")]
    [InlineData("""{"$obs":{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},"input":{"steps":[]}}""", """{"steps":[]}""")]
    [InlineData("""{"$obs":{}}""", null)]
    public void ToObs_Metadata_SerializedInputIsTheCallersWithoutTheEnvelope(string? stored, string? expected)
    {
        var metadata = DurableMappings.ToObs(new DurableMetadata("Build", "id") { SerializedInput = stored })!;

        Assert.Equal(expected, metadata.SerializedInput);
    }

    [Fact]
    public void ToDurable_NoRetry_IsNullOptions()
    {
        Assert.Null(DurableMappings.ToDurable((Obs.Orchestrations.TaskOptions?)null));
        Assert.Null(DurableMappings.ToDurable(new Obs.Orchestrations.TaskOptions()));
    }

    [Fact]
    public void ToDurable_RetryPolicy_DurableRejectsAZeroFirstInterval()
    {
        // Obs accepts retrying immediately; Durable does not (its constructor's own check): surfaced, not hidden.
        var obs = new ObsRetryPolicy(2, TimeSpan.Zero);

        Assert.Throws<ArgumentOutOfRangeException>(() => DurableMappings.ToDurable(obs));
    }

    [Fact]
    public void ToDurable_RetryPolicyWithoutFilter_RetriesEveryFailure()
    {
        var durable = DurableMappings.ToDurable(new ObsRetryPolicy(3, TimeSpan.FromSeconds(1)));

        Assert.True(durable.Handle(Failed(new DurableFailure("System.Exception", "any", null, null, null))));
    }

    [Fact]
    public void ToDurable_RetryPolicyFilter_IsAskedWithTheMappedFailure()
    {
        ObsFailure? seen = null;
        var obs = new ObsRetryPolicy(3, TimeSpan.FromSeconds(1)) { HandleFailure = details => (seen = details).ErrorType == "System.IO.IOException" };

        var durable = DurableMappings.ToDurable(obs);

        Assert.True(durable.Handle(Failed(new DurableFailure("System.IO.IOException", "disk", "at X", new DurableFailure("Inner", "i", null, null, null), null))));
        Assert.Equal(new ObsFailure("System.IO.IOException", "disk", "at X", new ObsFailure("Inner", "i", null)), seen);
        Assert.False(durable.Handle(Failed(new DurableFailure("System.TimeoutException", "slow", null, null, null))));
    }

    // Durable's dispatcher asks the retry filter with DurableTask.Core's exception, whose details it maps back.
    private static CoreTaskFailedException Failed(DurableFailure failure) => new(0, 3, "A", null, failure.ErrorMessage, null)
    {
        FailureDetails = Core(failure),
    };

    private static CoreFailureDetails Core(DurableFailure failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is { } inner ? Core(inner) : null, isNonRetriable: false);
}
