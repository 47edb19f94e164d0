using Obs.Functions.Durable;
using DurableStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;

namespace Obs.Functions.CompileCheck.Adapter;

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
    public void ToObs_FailureDetails_KeepsTypeMessageStackAndEveryInnerFailure()
    {
        var durable = new Microsoft.DurableTask.TaskFailureDetails("A", "a", "at a",
            new Microsoft.DurableTask.TaskFailureDetails("B", "b", null,
                new Microsoft.DurableTask.TaskFailureDetails("C", "c", "at c", null)));

        var obs = DurableMappings.ToObs(durable)!;

        Assert.Equal(("A", "a", "at a"), (obs.ErrorType, obs.ErrorMessage, obs.StackTrace));
        Assert.Equal(("B", "b", (string?)null), (obs.InnerFailure!.ErrorType, obs.InnerFailure.ErrorMessage, obs.InnerFailure.StackTrace));
        Assert.Equal(("C", "c", "at c"), (obs.InnerFailure.InnerFailure!.ErrorType, obs.InnerFailure.InnerFailure.ErrorMessage, obs.InnerFailure.InnerFailure.StackTrace));
        Assert.Null(obs.InnerFailure.InnerFailure.InnerFailure);
        Assert.Equal(durable, DurableMappings.ToDurable(obs));
    }

    [Fact]
    public void ToObs_NullFailureOrMetadata_IsNull()
    {
        Assert.Null(DurableMappings.ToObs((Microsoft.DurableTask.TaskFailureDetails?)null));
        Assert.Null(DurableMappings.ToObs((Microsoft.DurableTask.Client.OrchestrationMetadata?)null));
    }

    [Fact]
    public void ToDurable_RetryPolicy_DurableRejectsAZeroFirstInterval()
    {
        // Obs accepts retrying immediately; Durable does not (its constructor's own check): surfaced, not hidden.
        var obs = new Obs.Orchestrations.RetryPolicy(2, TimeSpan.Zero);

        Assert.Throws<ArgumentOutOfRangeException>(() => DurableMappings.ToDurable(obs));
    }

    [Fact]
    public void ToObs_ManagementPayload_KeepsDurablesUrlsWithTheirSystemKey()
    {
        var durable = new Microsoft.Azure.Functions.Worker.HttpManagementPayload
        {
            Id = "abc",
            StatusQueryGetUri = "https://app/runtime/webhooks/durabletask/instances/abc?code=system",
            SendEventPostUri = "https://app/runtime/webhooks/durabletask/instances/abc/raiseEvent/{eventName}?code=system",
            TerminatePostUri = "https://app/runtime/webhooks/durabletask/instances/abc/terminate?reason={text}&code=system",
            PurgeHistoryDeleteUri = "https://app/runtime/webhooks/durabletask/instances/abc?code=system",
        };

        var obs = DurableMappings.ToObs(durable);

        Assert.Equal("abc", obs.Id);
        Assert.Equal(durable.StatusQueryGetUri, obs.StatusQueryGetUri);
        Assert.Equal(durable.SendEventPostUri, obs.SendEventPostUri);
        Assert.Equal(durable.TerminatePostUri, obs.TerminatePostUri);
        Assert.Equal(durable.PurgeHistoryDeleteUri, obs.PurgeHistoryDeleteUri);
    }
}
