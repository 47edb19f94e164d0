using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Receivers;

/// <summary>Emits a parent span with one child through a real exporter, so receiver tests see real wire output.</summary>
internal sealed record SampleTrace(string SourceName, string TraceId, string ParentSpanId, string ChildSpanId)
{
    public const string ServiceName = "receiver-selftest";
    public const string ParentName = "sample.parent";
    public const string ChildName = "sample.child";
    public const string EventName = "sample.event";

    /// <summary>Creates a fresh source (listeners are process-wide), emits the two spans and force-flushes the exporter.</summary>
    public static SampleTrace Emit(Action<TracerProviderBuilder> addExporter)
    {
        var sourceName = "Obs.Tests.Receivers." + Guid.NewGuid().ToString("N");
        var builder = Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .ConfigureResource(r => r.AddService(ServiceName));
        addExporter(builder);

        using var provider = builder.Build();
        using var source = new ActivitySource(sourceName, "1.0");
        string traceId, parentId, childId;
        using (var parent = source.StartActivity(ParentName, ActivityKind.Server)!)
        {
            parent.SetTag("sample.text", "hello");
            parent.SetTag("sample.count", 42);
            parent.SetTag("sample.ratio", 0.5);
            parent.SetTag("sample.flag", true);
            parent.SetTag("sample.list", new[] { "a", "b" });
            using (var child = source.StartActivity(ChildName)!)
            {
                child.SetTag("sample.step", "compile");
                child.AddEvent(new ActivityEvent(EventName, tags: new ActivityTagsCollection { ["sample.detail"] = "evt" }));
                child.SetStatus(ActivityStatusCode.Error, "boom");
                childId = child.SpanId.ToHexString();
            }

            traceId = parent.TraceId.ToHexString();
            parentId = parent.SpanId.ToHexString();
        }

        Assert.True(provider.ForceFlush(10_000), "exporter did not flush");
        return new SampleTrace(sourceName, traceId, parentId, childId);
    }
}
