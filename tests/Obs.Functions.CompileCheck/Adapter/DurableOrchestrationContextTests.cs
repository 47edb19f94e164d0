using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;
using Obs.Functions.Durable;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableFailure = Microsoft.DurableTask.TaskFailureDetails;
using DurableTaskFailedException = Microsoft.DurableTask.TaskFailedException;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;
using ObsRetryPolicy = Obs.Orchestrations.RetryPolicy;
using ObsTaskFailedException = Obs.Orchestrations.TaskFailedException;
using ObsTaskOptions = Obs.Orchestrations.TaskOptions;

namespace Obs.Functions.CompileCheck.Adapter;

public sealed class DurableOrchestrationContextTests
{
    private readonly Mock<DurableContext> _durable = new(MockBehavior.Strict);

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_PassesNameInputAndTheSameFiveRetryValues()
    {
        DurableTaskOptions? passed = null;
        var input = new { step = "compile" };
        _durable.Setup(c => c.CallActivityAsync<int>("RunBuildStep", input, It.IsAny<DurableTaskOptions?>()))
            .Callback<Microsoft.DurableTask.TaskName, object?, DurableTaskOptions?>((_, _, options) => passed = options)
            .ReturnsAsync(7);
        var retry = new ObsRetryPolicy(4, TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        var result = await new DurableOrchestrationContext(_durable.Object).CallActivityAsync<int>("RunBuildStep", input, ObsTaskOptions.FromRetryPolicy(retry));

        Assert.Equal(7, result);
        var policy = Assert.IsType<Microsoft.DurableTask.RetryPolicy>(passed?.Retry?.Policy);
        Assert.Equal(4, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.FirstRetryInterval);
        Assert.Equal(1.5, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.MaxRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.RetryTimeout);
    }

    [Fact]
    public async Task CallActivityAsync_WithDefaultRetryBounds_PassesObsDefaultsThrough()
    {
        DurableTaskOptions? passed = null;
        _durable.Setup(c => c.CallActivityAsync<int>("A", null, It.IsAny<DurableTaskOptions?>()))
            .Callback<Microsoft.DurableTask.TaskName, object?, DurableTaskOptions?>((_, _, options) => passed = options)
            .ReturnsAsync(1);

        await new DurableOrchestrationContext(_durable.Object).CallActivityAsync<int>("A", null, ObsTaskOptions.FromRetryPolicy(new ObsRetryPolicy(2, TimeSpan.FromSeconds(1))));

        var policy = passed!.Retry!.Policy!;
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
        Assert.Equal(1.0, policy.BackoffCoefficient);
    }

    [Fact]
    public async Task CallActivityAsync_WithoutRetry_PassesNullOptions()
    {
        _durable.Setup(c => c.CallActivityAsync<string>("ProbeStartup", "in", null)).ReturnsAsync("out");

        var context = new DurableOrchestrationContext(_durable.Object);

        Assert.Equal("out", await context.CallActivityAsync<string>("ProbeStartup", "in"));
        Assert.Equal("out", await context.CallActivityAsync<string>("ProbeStartup", "in", new ObsTaskOptions()));
        _durable.Verify(c => c.CallActivityAsync<string>("ProbeStartup", "in", null), Times.Exactly(2));
    }

    [Fact]
    public async Task CallActivityAsync_HandleFailure_IsAskedWithTheMappedFailureDetails()
    {
        DurableTaskOptions? passed = null;
        _durable.Setup(c => c.CallActivityAsync<int>("A", null, It.IsAny<DurableTaskOptions?>()))
            .Callback<Microsoft.DurableTask.TaskName, object?, DurableTaskOptions?>((_, _, options) => passed = options)
            .ReturnsAsync(1);
        Obs.Orchestrations.TaskFailureDetails? seen = null;
        var retry = new ObsRetryPolicy(3, TimeSpan.FromSeconds(1)) { HandleFailure = details => (seen = details).ErrorType == "System.IO.IOException" };

        await new DurableOrchestrationContext(_durable.Object).CallActivityAsync<int>("A", null, ObsTaskOptions.FromRetryPolicy(retry));

        var failure = new DurableFailure("System.IO.IOException", "disk", "at X", null);
        Assert.True(passed!.Retry!.Policy!.Handle(new DurableTaskFailedException("A", 3, failure)));
        Assert.Equal(new Obs.Orchestrations.TaskFailureDetails("System.IO.IOException", "disk", "at X"), seen);
    }

    [Fact]
    public async Task CallActivityAsync_DurableTaskFailed_SurfacesAsObsTaskFailedExceptionWithDetails()
    {
        var inner = new DurableFailure("System.TimeoutException", "too slow", "at Inner()", null);
        var details = new DurableFailure("System.InvalidOperationException", "step crashed", "at Step()", inner);
        _durable.Setup(c => c.CallActivityAsync<int>("RunBuildStep", null, null))
            .ThrowsAsync(new DurableTaskFailedException("RunBuildStep", 12, details));

        var thrown = await Assert.ThrowsAsync<ObsTaskFailedException>(
            () => new DurableOrchestrationContext(_durable.Object).CallActivityAsync<int>("RunBuildStep"));

        Assert.Equal("RunBuildStep", thrown.TaskName);
        Assert.Equal(12, thrown.TaskId);
        Assert.Equal("System.InvalidOperationException", thrown.FailureDetails.ErrorType);
        Assert.Equal("step crashed", thrown.FailureDetails.ErrorMessage);
        Assert.Equal("at Step()", thrown.FailureDetails.StackTrace);
        Assert.Equal(new Obs.Orchestrations.TaskFailureDetails("System.TimeoutException", "too slow", "at Inner()"), thrown.FailureDetails.InnerFailure);
        Assert.True(thrown.FailureDetails.IsCausedBy<TimeoutException>());
    }

    [Fact]
    public async Task CallActivityAsync_NonGeneric_CallsTheSameActivity()
    {
        _durable.Setup(c => c.CallActivityAsync<object?>("CollectArtifacts", 1, null)).ReturnsAsync((object?)null);

        await new DurableOrchestrationContext(_durable.Object).CallActivityAsync("CollectArtifacts", 1);

        _durable.VerifyAll();
    }

    [Fact]
    public void Members_DelegateToDurable()
    {
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var guid = Guid.Parse("0b8a6c3e-57f0-4c1f-9a55-0d7c2f3c9c11");
        _durable.SetupGet(c => c.Name).Returns(new Microsoft.DurableTask.TaskName("Build"));
        _durable.SetupGet(c => c.InstanceId).Returns("abc");
        _durable.SetupGet(c => c.IsReplaying).Returns(true);
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.Setup(c => c.NewGuid()).Returns(guid);
        _durable.Setup(c => c.GetInput<string>()).Returns("input");
        _durable.Setup(c => c.SetCustomStatus("halfway"));

        var context = new DurableOrchestrationContext(_durable.Object);

        Assert.Equal("Build", context.Name);
        Assert.Equal("abc", context.InstanceId);
        Assert.True(context.IsReplaying);
        Assert.Equal(now, context.CurrentUtcDateTime);
        Assert.Equal(guid, context.NewGuid());
        Assert.Equal("input", context.GetInput<string>());
        context.SetCustomStatus("halfway");
        _durable.VerifyAll();
    }

    [Fact]
    public async Task CreateTimer_PassesFireAtAndToken_AndTheDelayOverloadCountsFromOrchestrationTime()
    {
        var now = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        using var cts = new CancellationTokenSource();
        _durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        _durable.Setup(c => c.CreateTimer(now.AddMinutes(5), cts.Token)).Returns(Task.CompletedTask);

        var context = new DurableOrchestrationContext(_durable.Object);
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
        var durable = new Mock<DurableContext>();
        durable.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(factory.Object);
        durable.SetupGet(c => c.IsReplaying).Returns(replaying);

        var replaySafe = new DurableOrchestrationContext(durable.Object).CreateReplaySafeLogger("Obs.Build");
#pragma warning disable CA1848 // A plain call is the point of the test.
        replaySafe.LogInformation("step done");
#pragma warning restore CA1848

        Assert.Equal(expectedWrites, writes);
    }

    [Theory]
    [InlineData(false, "success")]
    [InlineData(true, null)]
    public void SetSpanAttribute_TagsTheCurrentSpanOnlyWhenNotReplaying(bool replaying, string? expected)
    {
        var durable = new Mock<DurableContext>();
        durable.SetupGet(c => c.IsReplaying).Returns(replaying);
        using var span = new Activity("orchestrator-episode").Start();

        new DurableOrchestrationContext(durable.Object).SetSpanAttribute("cicd.pipeline.result", "success");

        Assert.Equal(expected, span.GetTagItem("cicd.pipeline.result"));
    }
}
