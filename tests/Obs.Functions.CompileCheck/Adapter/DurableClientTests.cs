using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using Obs.Functions.Durable;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableMetadata = Microsoft.DurableTask.Client.OrchestrationMetadata;
using DurableStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;

namespace Obs.Functions.CompileCheck.Adapter;

public sealed class DurableClientTests
{
    private readonly Mock<DurableTaskClient> _durable = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_PassesNameInputAndInstanceIdFromOptions()
    {
        StartOrchestrationOptions? passed = null;
        var input = new { definition = "x" };
        using var cts = new CancellationTokenSource();
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(new TaskName("Build"), input, It.IsAny<StartOrchestrationOptions?>(), cts.Token))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, _, options, _) => passed = options)
            .ReturnsAsync("run-42");

        var id = await new DurableClient(_durable.Object).ScheduleNewOrchestrationInstanceAsync(
            "Build", input, new Obs.Orchestrations.StartOrchestrationOptions("run-42"), cts.Token);

        Assert.Equal("run-42", id);
        Assert.Equal("run-42", passed?.InstanceId);
        Assert.Null(passed?.StartAt);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_WithoutOptions_LetsDurableChooseTheId()
    {
        StartOrchestrationOptions? passed = null;
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), null, It.IsAny<StartOrchestrationOptions?>(), default))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, _, options, _) => passed = options)
            .ReturnsAsync("generated");

        Assert.Equal("generated", await new DurableClient(_durable.Object).ScheduleNewOrchestrationInstanceAsync("Test"));
        Assert.Null(passed?.InstanceId);
    }

    [Fact]
    public async Task GetInstanceAsync_Unknown_ReturnsNull()
    {
        _durable.Setup(c => c.GetInstanceAsync("nope", true, default)).ReturnsAsync((DurableMetadata?)null);

        Assert.Null(await new DurableClient(_durable.Object).GetInstanceAsync("nope", getInputsAndOutputs: true));
    }

    [Fact]
    public async Task GetInstanceAsync_MapsEveryField()
    {
        var created = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        _durable.Setup(c => c.GetInstanceAsync("id-1", true, default)).ReturnsAsync(new DurableMetadata("Build", "id-1")
        {
            RuntimeStatus = DurableStatus.Failed,
            CreatedAt = created,
            LastUpdatedAt = created.AddMinutes(3),
            SerializedInput = "{\"in\":1}",
            SerializedOutput = "{\"out\":2}",
            SerializedCustomStatus = "\"half\"",
            FailureDetails = new DurableFailure("System.Exception", "boom", "at A", new DurableFailure("System.IO.IOException", "disk", null, null)),
        });

        var metadata = await new DurableClient(_durable.Object).GetInstanceAsync("id-1", getInputsAndOutputs: true);

        Assert.NotNull(metadata);
        Assert.Equal(("Build", "id-1"), (metadata.Name, metadata.InstanceId));
        Assert.Equal(ObsStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(created, metadata.CreatedAt);
        Assert.Equal(created.AddMinutes(3), metadata.LastUpdatedAt);
        Assert.Equal("{\"in\":1}", metadata.SerializedInput);
        Assert.Equal("{\"out\":2}", metadata.SerializedOutput);
        Assert.Equal("\"half\"", metadata.SerializedCustomStatus);
        Assert.Equal(
            new Obs.Orchestrations.TaskFailureDetails("System.Exception", "boom", "at A", new Obs.Orchestrations.TaskFailureDetails("System.IO.IOException", "disk", null)),
            metadata.FailureDetails);
        Assert.True(metadata.IsCompleted);
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_PassesArgumentsAndMapsTheResult()
    {
        using var cts = new CancellationTokenSource();
        _durable.Setup(c => c.WaitForInstanceCompletionAsync("id-2", true, cts.Token))
            .ReturnsAsync(new DurableMetadata("Test", "id-2") { RuntimeStatus = DurableStatus.Completed, SerializedOutput = "{}" });

        var metadata = await new DurableClient(_durable.Object).WaitForInstanceCompletionAsync("id-2", true, cts.Token);

        Assert.Equal(ObsStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("{}", metadata.SerializedOutput);
    }

    [Fact]
    public async Task TerminateInstanceAsync_PassesTheReasonAsOutput()
    {
        TerminateInstanceOptions? passed = null;
        _durable.Setup(c => c.TerminateInstanceAsync("id-3", It.IsAny<TerminateInstanceOptions?>(), default))
            .Callback<string, TerminateInstanceOptions?, CancellationToken>((_, options, _) => passed = options)
            .Returns(Task.CompletedTask);

        await new DurableClient(_durable.Object).TerminateInstanceAsync("id-3", "superseded");

        Assert.Equal("superseded", passed?.Output);
    }

    [Fact]
    public async Task PurgeInstanceAsync_MapsTheCount()
    {
        _durable.Setup(c => c.PurgeInstanceAsync("id-4", default)).ReturnsAsync(new PurgeResult(1));

        var result = await new DurableClient(_durable.Object).PurgeInstanceAsync("id-4");

        Assert.Equal(1, result.PurgedInstanceCount);
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_WithoutStatuses_PurgesOnlyTerminalOnes()
    {
        PurgeInstancesFilter? passed = null;
        var from = DateTimeOffset.UnixEpoch;
        _durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), default))
            .Callback<PurgeInstancesFilter, CancellationToken>((filter, _) => passed = filter)
            .ReturnsAsync(new PurgeResult(5));

        var result = await new DurableClient(_durable.Object).PurgeAllInstancesAsync(new Obs.Orchestrations.PurgeInstancesFilter(from));

        Assert.Equal(5, result.PurgedInstanceCount);
        Assert.Equal(from, passed?.CreatedFrom);
        Assert.Null(passed?.CreatedTo);
        Assert.Equal([DurableStatus.Completed, DurableStatus.Failed, DurableStatus.Terminated], passed?.Statuses);
    }

    [Fact]
    public async Task QueryInstancesAsync_PassesTheFilterAndMapsOnePage()
    {
        OrchestrationQuery? passed = null;
        var pageable = new Mock<AsyncPageable<DurableMetadata>>();
        pageable.Setup(p => p.AsPages("token-1", 2)).Returns(Pages(
            new Page<DurableMetadata>([new DurableMetadata("Build", "a") { RuntimeStatus = DurableStatus.Running }, new DurableMetadata("Test", "b") { RuntimeStatus = DurableStatus.Pending }], "token-2"),
            new Page<DurableMetadata>([new DurableMetadata("Build", "c")])));
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Callback<OrchestrationQuery?>(query => passed = query)
            .Returns(pageable.Object);
        var created = DateTimeOffset.UnixEpoch;

        var page = await new DurableClient(_durable.Object).QueryInstancesAsync(new Obs.Orchestrations.OrchestrationQuery
        {
            Statuses = [ObsStatus.Running, ObsStatus.Pending],
            CreatedFrom = created,
            InstanceIdPrefix = "run-",
            PageSize = 2,
            FetchInputsAndOutputs = true,
            ContinuationToken = "token-1",
        });

        Assert.Equal(["a", "b"], page.Instances.Select(i => i.InstanceId));
        Assert.Equal([ObsStatus.Running, ObsStatus.Pending], page.Instances.Select(i => i.RuntimeStatus));
        Assert.Equal("token-2", page.ContinuationToken);
        Assert.NotNull(passed);
        Assert.Equal([DurableStatus.Running, DurableStatus.Pending], passed.Statuses);
        Assert.Equal((created, (DateTimeOffset?)null, "run-", 2, true, "token-1"),
            (passed.CreatedFrom, passed.CreatedTo, passed.InstanceIdPrefix, passed.PageSize, passed.FetchInputsAndOutputs, passed.ContinuationToken));
    }

    [Fact]
    public async Task QueryInstancesAsync_NoPages_ReturnsAnEmptyLastPage()
    {
        var pageable = new Mock<AsyncPageable<DurableMetadata>>();
        pageable.Setup(p => p.AsPages(null, 100)).Returns(Pages());
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(pageable.Object);

        var page = await new DurableClient(_durable.Object).QueryInstancesAsync(new Obs.Orchestrations.OrchestrationQuery());

        Assert.Empty(page.Instances);
        Assert.Null(page.ContinuationToken);
    }

    private static async IAsyncEnumerable<Page<DurableMetadata>> Pages(params Page<DurableMetadata>[] pages)
    {
        foreach (var page in pages)
        {
            await Task.Yield();
            yield return page;
        }
    }
}
