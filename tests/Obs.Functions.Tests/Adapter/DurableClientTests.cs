using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableMetadata = Microsoft.DurableTask.Client.OrchestrationMetadata;
using DurablePurgeFilter = Microsoft.DurableTask.Client.PurgeInstancesFilter;
using DurablePurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using DurableQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using DurableStartOptions = Microsoft.DurableTask.StartOrchestrationOptions;
using DurableStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;
using ObsFailure = Obs.Orchestrations.TaskFailureDetails;
using ObsStartOptions = Obs.Orchestrations.StartOrchestrationOptions;
using ObsStatus = Obs.Orchestrations.OrchestrationRuntimeStatus;

namespace Obs.Functions.Tests.Adapter;

/// <summary>The Obs client contract over a (mocked) Durable client: arguments in, metadata out, the input in Obs's envelope.</summary>
public sealed class DurableClientTests
{
    private static readonly OrchestrationSerializer s_serializer = new OrchestrationRegistry().Serializer;

    private readonly Mock<DurableTaskClient> _durable = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_PassesNameInstanceIdAndTheInputInAnEnvelopeUnderTheParent()
    {
        DurableStartOptions? passed = null;
        object? envelope = null;
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=1");
        using var cts = new CancellationTokenSource();
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(new TaskName("Build"), It.IsAny<object?>(), It.IsAny<DurableStartOptions?>(), cts.Token))
            .Callback<TaskName, object?, DurableStartOptions?, CancellationToken>((_, input, options, _) => (envelope, passed) = (input, options))
            .ReturnsAsync("run-42");

        var id = await Client().ScheduleNewOrchestrationInstanceAsync(
            "Build", new Dictionary<string, string> { ["definition"] = "x" }, new ObsStartOptions("run-42") { ParentContext = parent }, cts.Token);

        Assert.Equal("run-42", id);
        Assert.Equal("run-42", passed?.InstanceId);
        Assert.Null(passed?.StartAt);
        var element = Assert.IsType<JsonElement>(envelope);
        var trace = element.GetProperty(ObsEnvelope.MarkerProperty);
        Assert.Equal($"00-{parent.TraceId}-{parent.SpanId}-01", trace.GetProperty("traceparent").GetString());
        Assert.Equal("vendor=1", trace.GetProperty("tracestate").GetString());
        Assert.False(trace.TryGetProperty("task_id", out _));
        Assert.Equal("""{"definition":"x"}""", element.GetProperty("input").GetRawText());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_WithoutOptions_LetsDurableChooseTheIdAndTakesTheCurrentSpanAsParent()
    {
        DurableStartOptions? passed = null;
        object? envelope = null;
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<DurableStartOptions?>(), default))
            .Callback<TaskName, object?, DurableStartOptions?, CancellationToken>((_, input, options, _) => (envelope, passed) = (input, options))
            .ReturnsAsync("generated");
        using var current = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.Equal("generated", await Client().ScheduleNewOrchestrationInstanceAsync("Test"));

        Assert.Null(passed?.InstanceId);
        var element = Assert.IsType<JsonElement>(envelope);
        Assert.Equal(current.Id, element.GetProperty(ObsEnvelope.MarkerProperty).GetProperty("traceparent").GetString());
        Assert.False(element.TryGetProperty("input", out _), "a null input is left out of the envelope");
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_NoParentAnywhere_EnvelopeCarriesNoTraceparent()
    {
        object? envelope = null;
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<DurableStartOptions?>(), default))
            .Callback<TaskName, object?, DurableStartOptions?, CancellationToken>((_, input, _, _) => envelope = input)
            .ReturnsAsync("root");
        var saved = Activity.Current;
        Activity.Current = null;
        try
        {
            await Client().ScheduleNewOrchestrationInstanceAsync("Startup", 3);
        }
        finally
        {
            Activity.Current = saved;
        }

        var element = Assert.IsType<JsonElement>(envelope);
        Assert.False(element.GetProperty(ObsEnvelope.MarkerProperty).TryGetProperty("traceparent", out _));
        Assert.Equal(3, element.GetProperty("input").GetInt32());
    }

    [Fact]
    public async Task GetInstanceAsync_Unknown_ReturnsNull()
    {
        _durable.Setup(c => c.GetInstanceAsync("nope", true, default)).ReturnsAsync((DurableMetadata?)null);

        Assert.Null(await Client().GetInstanceAsync("nope", getInputsAndOutputs: true));
    }

    [Fact]
    public async Task GetInstanceAsync_MapsEveryFieldAndUnwrapsTheInput()
    {
        var created = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        _durable.Setup(c => c.GetInstanceAsync("id-1", true, default)).ReturnsAsync(new DurableMetadata("Build", "id-1")
        {
            RuntimeStatus = DurableStatus.Failed,
            CreatedAt = created,
            LastUpdatedAt = created.AddMinutes(3),
            SerializedInput = """{"$obs":{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},"input":{"in":1}}""",
            SerializedOutput = """{"out":2}""",
            SerializedCustomStatus = "\"half\"",
            FailureDetails = new DurableFailure("System.Exception", "boom", "at A", new DurableFailure("System.IO.IOException", "disk", null, null, null), null),
        });

        var metadata = await Client().GetInstanceAsync("id-1", getInputsAndOutputs: true);

        Assert.NotNull(metadata);
        Assert.Equal(("Build", "id-1"), (metadata.Name, metadata.InstanceId));
        Assert.Equal(ObsStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(created, metadata.CreatedAt);
        Assert.Equal(created.AddMinutes(3), metadata.LastUpdatedAt);
        Assert.Equal("""{"in":1}""", metadata.SerializedInput);
        Assert.Equal("""{"out":2}""", metadata.SerializedOutput);
        Assert.Equal("\"half\"", metadata.SerializedCustomStatus);
        Assert.Equal(new ObsFailure("System.Exception", "boom", "at A", new ObsFailure("System.IO.IOException", "disk", null)), metadata.FailureDetails);
        Assert.True(metadata.IsCompleted);
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_PassesArgumentsAndMapsTheResult()
    {
        using var cts = new CancellationTokenSource();
        _durable.Setup(c => c.WaitForInstanceCompletionAsync("id-2", true, cts.Token))
            .ReturnsAsync(new DurableMetadata("Test", "id-2") { RuntimeStatus = DurableStatus.Completed, SerializedOutput = "{}" });

        var metadata = await Client().WaitForInstanceCompletionAsync("id-2", true, cts.Token);

        Assert.Equal(ObsStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("{}", metadata.SerializedOutput);
    }

    [Fact]
    public async Task TerminateInstanceAsync_PassesTheReasonAsObsSerializedOutput()
    {
        TerminateInstanceOptions? passed = null;
        _durable.Setup(c => c.TerminateInstanceAsync("id-3", It.IsAny<TerminateInstanceOptions?>(), default))
            .Callback<string, TerminateInstanceOptions?, CancellationToken>((_, options, _) => passed = options)
            .Returns(Task.CompletedTask);

        await Client().TerminateInstanceAsync("id-3", "superseded");

        Assert.Equal("superseded", Assert.IsType<JsonElement>(passed?.Output).GetString());
    }

    [Fact]
    public async Task PurgeInstanceAsync_MapsTheCount()
    {
        _durable.Setup(c => c.PurgeInstanceAsync("id-4", default)).ReturnsAsync(new DurablePurgeResult(1));

        var result = await Client().PurgeInstanceAsync("id-4");

        Assert.Equal(1, result.PurgedInstanceCount);
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_WithoutStatuses_PurgesOnlyTerminalOnes()
    {
        DurablePurgeFilter? passed = null;
        var from = DateTimeOffset.UnixEpoch;
        _durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<DurablePurgeFilter>(), default))
            .Callback<DurablePurgeFilter, CancellationToken>((filter, _) => passed = filter)
            .ReturnsAsync(new DurablePurgeResult(5));

        var result = await Client().PurgeAllInstancesAsync(new Obs.Orchestrations.PurgeInstancesFilter(from));

        Assert.Equal(5, result.PurgedInstanceCount);
        Assert.Equal(from, passed?.CreatedFrom);
        Assert.Null(passed?.CreatedTo);
        Assert.Equal([DurableStatus.Completed, DurableStatus.Failed, DurableStatus.Terminated], passed?.Statuses);
    }

    [Fact]
    public async Task QueryInstancesAsync_PassesTheFilterAndMapsOnePage()
    {
        DurableQuery? passed = null;
        var pageable = new Mock<AsyncPageable<DurableMetadata>>();
        pageable.Setup(p => p.AsPages("token-1", 2)).Returns(Pages(
            new Page<DurableMetadata>([new DurableMetadata("Build", "a") { RuntimeStatus = DurableStatus.Running }, new DurableMetadata("Test", "b") { RuntimeStatus = DurableStatus.Pending }], "token-2"),
            new Page<DurableMetadata>([new DurableMetadata("Build", "c")])));
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<DurableQuery?>()))
            .Callback<DurableQuery?>(query => passed = query)
            .Returns(pageable.Object);
        var created = DateTimeOffset.UnixEpoch;

        var page = await Client().QueryInstancesAsync(new Obs.Orchestrations.OrchestrationQuery
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
        _durable.Setup(c => c.GetAllInstancesAsync(It.IsAny<DurableQuery?>())).Returns(pageable.Object);

        var page = await Client().QueryInstancesAsync(new Obs.Orchestrations.OrchestrationQuery());

        Assert.Empty(page.Instances);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new DurableClient(null!, s_serializer));
        Assert.Throws<ArgumentNullException>(() => new DurableClient(_durable.Object, null!));
    }

    private DurableClient Client() => new(_durable.Object, s_serializer);

    private static async IAsyncEnumerable<Page<DurableMetadata>> Pages(params Page<DurableMetadata>[] pages)
    {
        foreach (var page in pages)
        {
            await Task.Yield();
            yield return page;
        }
    }
}
