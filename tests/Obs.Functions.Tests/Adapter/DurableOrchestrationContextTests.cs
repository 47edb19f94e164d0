using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;
using Obs.Testing.Tracing;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableTaskFailedException = Microsoft.DurableTask.TaskFailedException;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;
using ObsFailure = Obs.Orchestrations.TaskFailureDetails;
using ObsRetryPolicy = Obs.Orchestrations.RetryPolicy;
using ObsTaskFailedException = Obs.Orchestrations.TaskFailedException;
using ObsTaskOptions = Obs.Orchestrations.TaskOptions;

namespace Obs.Functions.Tests.Adapter;

/// <summary>
/// The Obs orchestration contract over a (mocked) Durable context: activity calls go out in Obs's envelope
/// under the orchestration span, retries keep their five values, failures surface as Obs's.
/// </summary>
public sealed class DurableOrchestrationContextTests
{
    private static readonly OrchestrationSerializer s_serializer = new OrchestrationRegistry().Serializer;

    private readonly Mock<DurableContext> _durable = new(MockBehavior.Strict);
    private readonly DurableOrchestrationSpan _span = new(
        "build.execute", "abc", "Build", new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded), DateTime.UtcNow);

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_PassesNameEnvelopeAndTheSameFiveRetryValues()
    {
        DurableTaskOptions? passed = null;
        object? envelope = null;
        SetupActivity("RunBuildStep", (input, options) => (envelope, passed) = (input, options), "7");
        var retry = new ObsRetryPolicy(4, TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        var result = await Context().CallActivityAsync<int>("RunBuildStep", new Dictionary<string, string> { ["step"] = "compile" }, ObsTaskOptions.FromRetryPolicy(retry));

        Assert.Equal(7, result);
        var (trace, input) = ObsEnvelope.Read(Assert.IsType<JsonElement>(envelope));
        Assert.Equal("""{"step":"compile"}""", input);
        Assert.Equal((_span.Context.TraceId, _span.Context.SpanId), (trace?.Parent.TraceId, trace?.Parent.SpanId));
        Assert.Equal(0, trace?.TaskId);
        var policy = Assert.IsType<Microsoft.DurableTask.RetryPolicy>(passed?.Retry?.Policy);
        Assert.Equal(4, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.FirstRetryInterval);
        Assert.Equal(1.5, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.MaxRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.RetryTimeout);
    }

    [Fact]
    public async Task CallActivityAsync_TaskIdsInTheEnvelope_CountActivitiesAndTimersInScheduleOrder()
    {
        var taskIds = new List<int?>();
        SetupActivity("A", (input, _) => taskIds.Add(ObsEnvelope.Read((JsonElement)input!).Trace?.TaskId), "\"ok\"");
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        _durable.Setup(c => c.CreateTimer(now, CancellationToken.None)).Returns(Task.CompletedTask);
        var context = Context();

        await context.CallActivityAsync<string>("A");
        await context.CreateTimer(now, CancellationToken.None);
        await context.CallActivityAsync<string>("A");

        Assert.Equal([0, 2], taskIds);
    }

    [Fact]
    public async Task CallActivityAsync_WithDefaultRetryBounds_PassesObsDefaultsThrough()
    {
        DurableTaskOptions? passed = null;
        SetupActivity("A", (_, options) => passed = options, "1");

        await Context().CallActivityAsync<int>("A", null, ObsTaskOptions.FromRetryPolicy(new ObsRetryPolicy(2, TimeSpan.FromSeconds(1))));

        var policy = passed!.Retry!.Policy!;
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
        Assert.Equal(1.0, policy.BackoffCoefficient);
    }

    [Fact]
    public async Task CallActivityAsync_WithoutRetry_PassesNullOptions()
    {
        var options = new List<DurableTaskOptions?>();
        SetupActivity("ProbeStartup", (_, o) => options.Add(o), "\"out\"");
        var context = Context();

        Assert.Equal("out", await context.CallActivityAsync<string>("ProbeStartup", "in"));
        Assert.Equal("out", await context.CallActivityAsync<string>("ProbeStartup", "in", new ObsTaskOptions()));
        Assert.Equal([null, null], options);
    }

    [Fact]
    public async Task CallActivityAsync_HandleFailure_IsAskedWithTheMappedFailureDetails()
    {
        DurableTaskOptions? passed = null;
        SetupActivity("A", (_, options) => passed = options, "1");
        ObsFailure? seen = null;
        var retry = new ObsRetryPolicy(3, TimeSpan.FromSeconds(1)) { HandleFailure = details => (seen = details).ErrorType == "System.IO.IOException" };

        await Context().CallActivityAsync<int>("A", null, ObsTaskOptions.FromRetryPolicy(retry));

        Assert.True(passed!.Retry!.Policy!.Handle(new CoreTaskFailedException(0, 3, "A", null, "disk", null)
        {
            FailureDetails = new CoreFailureDetails("System.IO.IOException", "disk", "at X", null, isNonRetriable: false),
        }));
        Assert.Equal(new ObsFailure("System.IO.IOException", "disk", "at X"), seen);
    }

    [Fact]
    public async Task CallActivityAsync_DurableTaskFailed_SurfacesAsObsTaskFailedExceptionWithDetails()
    {
        var inner = new DurableFailure("System.TimeoutException", "too slow", "at Inner()", null, null);
        var details = new DurableFailure("System.InvalidOperationException", "step crashed", "at Step()", inner, null);
        _durable.Setup(c => c.CallActivityAsync<JsonElement?>(new TaskName("RunBuildStep"), It.IsAny<object?>(), null))
            .ThrowsAsync(new DurableTaskFailedException("RunBuildStep", 12, details));

        var thrown = await Assert.ThrowsAsync<ObsTaskFailedException>(() => Context().CallActivityAsync<int>("RunBuildStep"));

        Assert.Equal("RunBuildStep", thrown.TaskName);
        Assert.Equal(12, thrown.TaskId);
        Assert.Equal("System.InvalidOperationException", thrown.FailureDetails.ErrorType);
        Assert.Equal("step crashed", thrown.FailureDetails.ErrorMessage);
        Assert.Equal("at Step()", thrown.FailureDetails.StackTrace);
        Assert.Equal(new ObsFailure("System.TimeoutException", "too slow", "at Inner()"), thrown.FailureDetails.InnerFailure);
        Assert.True(thrown.FailureDetails.IsCausedBy<TimeoutException>());
    }

    [Fact]
    public async Task CallActivityAsync_NonGeneric_CallsTheSameActivity()
    {
        object? envelope = null;
        SetupActivity("CollectArtifacts", (input, _) => envelope = input, output: null);

        await Context().CallActivityAsync("CollectArtifacts", 1);

        Assert.Equal("1", ObsEnvelope.Read((JsonElement)envelope!).SerializedInput);
    }

    [Fact]
    public void Members_DelegateToDurable_InputIsObs()
    {
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var guid = Guid.Parse("0b8a6c3e-57f0-4c1f-9a55-0d7c2f3c9c11");
        object? status = null;
        _durable.SetupGet(c => c.Name).Returns(new TaskName("Build"));
        _durable.SetupGet(c => c.InstanceId).Returns("abc");
        _durable.SetupGet(c => c.IsReplaying).Returns(true);
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.Setup(c => c.NewGuid()).Returns(guid);
        _durable.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(s => status = s);

        var context = Context("\"input\"");

        Assert.Equal("Build", context.Name);
        Assert.Equal("abc", context.InstanceId);
        Assert.True(context.IsReplaying);
        Assert.Equal(now, context.CurrentUtcDateTime);
        Assert.Equal(guid, context.NewGuid());
        // The input is the one Obs unwrapped from its envelope, never Durable's GetInput (not set up: strict).
        Assert.Equal("input", context.GetInput<string>());
        context.SetCustomStatus("halfway");
        Assert.Equal("halfway", Assert.IsType<JsonElement>(status).GetString());
    }

    [Fact]
    public void SetCustomStatus_Null_IsNullForDurable()
    {
        var calls = 0;
        _durable.Setup(c => c.SetCustomStatus(null)).Callback(() => calls++);

        Context().SetCustomStatus(null);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task CreateTimer_PassesFireAtAndToken_AndTheDelayOverloadCountsFromOrchestrationTime()
    {
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        using var cts = new CancellationTokenSource();
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.Setup(c => c.CreateTimer(now.AddMinutes(5), cts.Token)).Returns(Task.CompletedTask);

        var context = Context();
        await context.CreateTimer(now.AddMinutes(5), cts.Token);
        await context.CreateTimer(TimeSpan.FromMinutes(5), cts.Token);

        _durable.Verify(c => c.CreateTimer(now.AddMinutes(5), cts.Token), Times.Exactly(2));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void CreateReplaySafeLogger_WritesOnlyWhenNotReplaying(bool replaying, int expectedWrites)
    {
        var writes = 0;
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        logger.Setup(l => l.Log(It.IsAny<LogLevel>(), It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()))
            .Callback(() => writes++);
        var factory = new Mock<ILoggerFactory>();
        factory.Setup(f => f.CreateLogger("Obs.Build")).Returns(logger.Object);
        // Durable's own replay-safe wrapper over its logger factory is what runs here.
        var durable = new Mock<DurableContext> { CallBase = true };
        durable.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(factory.Object);
        durable.SetupGet(c => c.IsReplaying).Returns(replaying);

        var replaySafe = new DurableOrchestrationContext(durable.Object, s_serializer, _span, null).CreateReplaySafeLogger("Obs.Build");
#pragma warning disable CA1848 // A plain call is the point of the test.
        replaySafe.LogInformation("step done");
#pragma warning restore CA1848

        Assert.Equal(expectedWrites, writes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetSpanAttribute_EveryEpisodeSetsIt_TheEmittedSpanCarriesIt(bool replaying)
    {
        using var collector = new ObsSpanCollector();
        _durable.SetupGet(c => c.IsReplaying).Returns(replaying);

        Context().SetSpanAttribute("cicd.pipeline.result", "success");
        _span.Emit(OrchestrationRuntimeStatus.Completed, failure: null, DateTimeOffset.UtcNow);

        var emitted = Assert.Single(collector.InTrace(_span.Context.TraceId));
        Assert.Equal("success", emitted.GetTagItem("cicd.pipeline.result"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void SetSpanAttribute_BlankKey_Throws(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => Context().SetSpanAttribute(key, 1));

    private DurableOrchestrationContext Context(string? serializedInput = null) => new(_durable.Object, s_serializer, _span, serializedInput);

    private void SetupActivity(string name, Action<object?, DurableTaskOptions?> seen, string? output) =>
        _durable.Setup(c => c.CallActivityAsync<JsonElement?>(new TaskName(name), It.IsAny<object?>(), It.IsAny<DurableTaskOptions?>()))
            .Callback<TaskName, object?, DurableTaskOptions?>((_, input, options) => seen(input, options))
            .ReturnsAsync(ObsEnvelope.ToElement(output));
}
