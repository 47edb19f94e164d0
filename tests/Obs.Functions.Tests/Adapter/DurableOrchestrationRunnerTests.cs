using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Moq;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;

namespace Obs.Functions.Tests.Adapter;

/// <summary>
/// What a Durable worker runs for Obs: an activity's span is the child of the span its envelope names (none
/// when untraced), and an orchestrator's one span is the child of the caller's and the parent of its activities'.
/// </summary>
public sealed class DurableOrchestrationRunnerTests : IDisposable
{
    private const string Echo = "Echo";
    private const string Record = "Record";
    private const string Fail = "Fail";
    private const string Wait = "Wait";
    private const string Flow = "Flow";
    private const string FlowSpan = "flow.execute";

    private readonly ObsSpanCollector _collector = new();
    private readonly ActivityContext _parent = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=1", isRemote: true);
    private readonly DurableOrchestrationRunner _runner;

    public DurableOrchestrationRunnerTests()
    {
        var registry = new OrchestrationRegistry()
            .AddActivity<string, string>(Echo, (context, input) => Task.FromResult($"{input}|{context.InstanceId}|{context.Span?.DisplayName}"))
            .AddUntracedActivity(Record, () => new FuncTaskActivity<string, string>((context, _) => Task.FromResult(context.Span is null ? "no span" : "span")))
            .AddActivity<string, string>(Fail, (_, _) => throw new InvalidOperationException("boom"))
            .AddActivity<string, string>(Wait, async (context, _) =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return "never";
            })
            .AddOrchestrator<string, string>(Flow, async (context, input) => await context.CallActivityAsync<string>(Echo, input) + "!", FlowSpan);
        _runner = new DurableOrchestrationRunner(registry);
    }

    public void Dispose() => _collector.Dispose();

    [Fact]
    public async Task RunActivityAsync_Envelope_SpanIsAChildOfItsTraceparentWithInstanceAndTaskId()
    {
        var output = await _runner.RunActivityAsync(Echo, "inst-1", ObsEnvelope.Wrap("\"hi\"", ObsTraceHeader.From(_parent, taskId: 3)), CancellationToken.None);

        Assert.Equal($"\"hi|inst-1|{Echo}\"", ObsEnvelope.Text(output));
        var span = Assert.Single(_collector.InTrace(_parent.TraceId));
        Assert.Equal(Echo, span.DisplayName);
        Assert.Equal(_parent.SpanId, span.ParentSpanId);
        Assert.Equal(ObsActivitySources.OrchestrationsName, span.Source.Name);
        Assert.Equal("vendor=1", span.TraceStateString);
        Assert.Equal("inst-1", span.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal(Echo, span.GetTagItem(AttributeKeys.Obs.ActivityName));
        Assert.Equal(3, span.GetTagItem(AttributeKeys.Obs.ActivityTaskId));
    }

    [Fact]
    public async Task RunActivityAsync_Untraced_HasNoSpanAndEmitsNone()
    {
        var output = await _runner.RunActivityAsync(Record, "inst-2", ObsEnvelope.Wrap("\"x\"", ObsTraceHeader.From(_parent, taskId: 0)), CancellationToken.None);

        Assert.Equal("\"no span\"", ObsEnvelope.Text(output));
        Assert.Empty(_collector.InTrace(_parent.TraceId));
    }

    [Fact]
    public async Task RunActivityAsync_BareInput_RunsWithItAndAnUnknownTaskId()
    {
        using var caller = ObsSpanCollector.CallerSource.StartActivity("caller");
        Assert.NotNull(caller);
        using var document = JsonDocument.Parse("\"bare\"");

        var output = await _runner.RunActivityAsync(Echo, "inst-3", document.RootElement, CancellationToken.None);

        Assert.Equal($"\"bare|inst-3|{Echo}\"", ObsEnvelope.Text(output));
        var span = Assert.Single(_collector.InTrace(caller.TraceId), s => s.DisplayName == Echo);
        Assert.Equal(-1, span.GetTagItem(AttributeKeys.Obs.ActivityTaskId));
    }

    [Fact]
    public async Task RunActivityAsync_Failing_RecordsTheErrorOnTheSpanAndRethrows()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _runner.RunActivityAsync(Fail, "inst-4", ObsEnvelope.Wrap(null, ObsTraceHeader.From(_parent, taskId: 1)), CancellationToken.None));

        Assert.Equal("boom", thrown.Message);
        var span = Assert.Single(_collector.InTrace(_parent.TraceId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task RunActivityAsync_Cancelled_MarksTheSpanCancelledAndRethrows()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunActivityAsync(Wait, "inst-5", ObsEnvelope.Wrap(null, ObsTraceHeader.From(_parent, taskId: 1)), cts.Token));

        var span = Assert.Single(_collector.InTrace(_parent.TraceId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("cancelled", span.GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task RunActivityAsync_Unregistered_Throws() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunActivityAsync("Nope", "inst", null, CancellationToken.None));

    [Fact]
    public async Task RunOrchestratorAsync_LiveEpisode_OneSpanUnderTheCallerThatIsTheActivitiesParent()
    {
        object? activityEnvelope = null;
        var durable = Durable(replaying: false, (input, _) => activityEnvelope = input, "\"done\"");

        var output = await _runner.RunOrchestratorAsync(durable.Object, ObsEnvelope.Wrap("\"go\"", ObsTraceHeader.From(_parent)));

        Assert.Equal("\"done!\"", ObsEnvelope.Text(output));
        var (trace, input) = ObsEnvelope.Read(Assert.IsType<JsonElement>(activityEnvelope));
        Assert.Equal("\"go\"", input);
        var span = Assert.Single(_collector.InTrace(_parent.TraceId));
        Assert.Equal(FlowSpan, span.DisplayName);
        Assert.Equal(_parent.SpanId, span.ParentSpanId);
        Assert.Equal(span.SpanId, trace?.Parent.SpanId);
        Assert.Equal(_parent.TraceId, trace?.Parent.TraceId);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal("inst-9", span.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal(Flow, span.GetTagItem(AttributeKeys.Obs.OrchestrationName));
        Assert.Equal(nameof(OrchestrationRuntimeStatus.Completed), span.GetTagItem(AttributeKeys.Obs.OrchestrationStatus));
    }

    [Fact]
    public async Task RunOrchestratorAsync_ReplayingEpisode_EmitsNoSpan()
    {
        var durable = Durable(replaying: true, (_, _) => { }, "\"done\"");

        await _runner.RunOrchestratorAsync(durable.Object, ObsEnvelope.Wrap("\"go\"", ObsTraceHeader.From(_parent)));

        Assert.Empty(_collector.InTrace(_parent.TraceId));
    }

    [Fact]
    public async Task RunOrchestratorAsync_Unregistered_Throws()
    {
        var durable = new Mock<DurableContext>();
        durable.SetupGet(c => c.Name).Returns(new TaskName("Nope"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunOrchestratorAsync(durable.Object, null));
    }

    private static Mock<DurableContext> Durable(bool replaying, Action<object?, DurableTaskOptions?> seen, string activityOutput)
    {
        var durable = new Mock<DurableContext>();
        durable.SetupGet(c => c.Name).Returns(new TaskName(Flow));
        durable.SetupGet(c => c.InstanceId).Returns("inst-9");
        durable.SetupGet(c => c.IsReplaying).Returns(replaying);
        durable.SetupGet(c => c.CurrentUtcDateTime).Returns(DateTime.UtcNow);
        durable.Setup(c => c.CallActivityAsync<JsonElement?>(new TaskName(Echo), It.IsAny<object?>(), It.IsAny<DurableTaskOptions?>()))
            .Callback<TaskName, object?, DurableTaskOptions?>((_, input, options) => seen(input, options))
            .ReturnsAsync(ObsEnvelope.ToElement(activityOutput));
        return durable;
    }
}
