using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Obs.Api;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;
using Obs.Testing.Tracing;

namespace Obs.Functions.Tests.Triggers;

/// <summary>
/// A request's <c>traceparent</c> through the trigger: the Functions host runs the trigger inside a span it
/// started from the header, and the orchestration span Durable runs is that span's child, in the caller's
/// trace, with every build step's span directly under it.
/// </summary>
[Collection(DurableTestHostCollection.Name)]
public sealed class TriggerTracingTests(DurableTestHostFixture fixture) : IDisposable
{
    private readonly ObsSpanCollector _collector = new();

    public void Dispose() => _collector.Dispose();

    [Fact]
    public async Task StartBuild_TraceparentHeader_OrchestrationSpanUnderTheInvocationSpanAndStepSpansUnderIt()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var http = TriggerRequest.Post(ApiRoutes.Build, BuildBodies.TwoSteps);
        http.Request.Headers.TraceParent = W3CTraceContext.Format(caller);

        ActivitySpanId invocationSpan;
        TriggerResponse response;
        // As the Functions host does: the invocation's span continues the request's traceparent.
        Assert.True(W3CTraceContext.TryParse(http.Request.Headers.TraceParent, null, out var parent));
        using (var invocation = ObsSpanCollector.CallerSource.StartActivity("POST /build", ActivityKind.Server, parent))
        {
            Assert.NotNull(invocation);
            invocationSpan = invocation.SpanId;
            Assert.Equal(caller.SpanId, invocation.ParentSpanId);
            response = await (await fixture.Api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);
        }

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        var id = response.Body.GetProperty("id").GetString()!;
        var spans = await WaitForAsync(caller.TraceId, s => s.Any(IsOrchestrationSpan));
        var orchestration = Assert.Single(spans, IsOrchestrationSpan);
        Assert.Equal(caller.TraceId, orchestration.TraceId);
        Assert.Equal(invocationSpan, orchestration.ParentSpanId);
        Assert.Equal(ObsActivitySources.OrchestrationsName, orchestration.Source.Name);
        Assert.Equal(id, orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal("Completed", orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationStatus));
        var steps = spans.Where(s => s.DisplayName.StartsWith(SpanNames.BuildStepPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([SpanNames.BuildStep("compile"), SpanNames.BuildStep("pack")], steps.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(steps, step => Assert.Equal(orchestration.SpanId, step.ParentSpanId));
        Assert.All(steps, step => Assert.Equal(ActivityStatusCode.Ok, step.Status));
    }

    private static bool IsOrchestrationSpan(Activity span) => span.DisplayName == SpanNames.BuildExecute;

    // The orchestration span is emitted when the instance ends, after its activities' spans.
    private async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> done)
    {
        using var patience = new CancellationTokenSource(DurableTestHostFixture.Patience);
        while (true)
        {
            var spans = _collector.InTrace(traceId);
            if (done(spans))
            {
                return spans;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
