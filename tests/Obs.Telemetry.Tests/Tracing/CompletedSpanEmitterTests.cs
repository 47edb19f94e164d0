using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tests.Exporters;
using Obs.Telemetry.Tracing;
using Obs.Testing.Otlp;

namespace Obs.Telemetry.Tests.Tracing;

/// <summary>
/// Pins the one piece of Obs that relies on .NET internals: emitting a span whose ids were chosen
/// before it ran. If a runtime update breaks it, these tests fail with the emitter's own message.
/// </summary>
public sealed class CompletedSpanEmitterTests
{
    [Fact]
    public void Emit_ChildSpan_KeepsPreChosenIdsParentAndTimes()
    {
        using var trace = new InMemoryTrace();
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();
        var parentId = ActivitySpanId.CreateRandom();
        var start = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var end = start.AddSeconds(42.5);

        var emitted = CompletedSpanEmitter.Emit(trace.Source, new CompletedSpan
        {
            Name = "build.execute",
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = parentId,
            StartTime = start,
            EndTime = end,
            Tags = [new("build.steps_count", 3)],
            Status = ActivityStatusCode.Error,
            StatusDescription = "step failed",
        });

        Assert.NotNull(emitted);
        var span = trace.Single("build.execute");
        Assert.Equal(traceId, span.TraceId);
        Assert.Equal(spanId, span.SpanId);
        Assert.Equal(parentId, span.ParentSpanId);
        Assert.Equal($"00-{traceId}-{spanId}-01", span.Id);
        Assert.Equal(start.UtcDateTime, span.StartTimeUtc);
        Assert.Equal(TimeSpan.FromSeconds(42.5), span.Duration);
        Assert.Equal(3, span.GetTagItem("build.steps_count"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void Emit_Root_IgnoresTheCurrentActivityAndRestoresIt()
    {
        using var trace = new InMemoryTrace();
        using var unrelated = trace.Source.StartActivity("unrelated-current");
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();

        CompletedSpanEmitter.Emit(trace.Source, new CompletedSpan
        {
            Name = "root-orchestration",
            TraceId = traceId,
            SpanId = spanId,
            StartTime = DateTimeOffset.UtcNow.AddSeconds(-1),
            EndTime = DateTimeOffset.UtcNow,
        });

        var span = trace.Single("root-orchestration");
        Assert.Equal(traceId, span.TraceId);
        Assert.Equal(spanId, span.SpanId);
        Assert.Equal(default, span.ParentSpanId);
        Assert.Same(unrelated, Activity.Current);
    }

    [Fact]
    public async Task Emit_SpanWithChosenId_ArrivesOnTheWireAsParentOfAnEarlierChild()
    {
        // The real situation: an activity span names the orchestration span as parent long before
        // the orchestration span itself is emitted; a backend must see one connected tree.
        await using var receiver = await OtlpReceiver.StartAsync();
        var options = new ObsTelemetryOptions { Exporters = [ExporterKind.Otlp], OtlpEndpoint = receiver.GrpcEndpoint };
        using var host = ObsTelemetryHost.Start(options);
        var traceId = ActivityTraceId.CreateRandom();
        var orchestrationId = ActivitySpanId.CreateRandom();
        var start = DateTimeOffset.UtcNow;

        using (ObsActivitySources.Orchestrations.StartActivity("activity-child", ActivityKind.Internal, new ActivityContext(traceId, orchestrationId, ActivityTraceFlags.Recorded)))
        {
        }

        CompletedSpanEmitter.Emit(ObsActivitySources.Orchestrations, new CompletedSpan
        {
            Name = "orchestration-parent",
            TraceId = traceId,
            SpanId = orchestrationId,
            StartTime = start,
            EndTime = DateTimeOffset.UtcNow,
        });
        host.Flush();

        var spans = (await receiver.WaitForSpansAsync(s => s.Count(x => x.TraceId == traceId.ToHexString()) >= 2, TimeSpan.FromSeconds(15)))
            .Where(s => s.TraceId == traceId.ToHexString()).ToList();
        var parent = Assert.Single(spans, s => s.Name == "orchestration-parent");
        var child = Assert.Single(spans, s => s.Name == "activity-child");
        Assert.Equal(orchestrationId.ToHexString(), parent.SpanId);
        Assert.Null(parent.ParentSpanId);
        Assert.Equal(parent.SpanId, child.ParentSpanId);
    }
}
