using Obs.Testing.Zipkin;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Receivers;

public sealed class ZipkinReceiverTests
{
    [Fact]
    public async Task Exporter_SendsParentAndChild_ReceiverSeesTreeTagsAnnotationAndService()
    {
        await using var receiver = await ZipkinReceiver.StartAsync();

        // The Zipkin exporter is marked obsolete upstream; Obs still ships it, so its wire output is tested.
#pragma warning disable CS0618
        var sent = SampleTrace.Emit(b => b.AddZipkinExporter(o => o.Endpoint = receiver.SpansEndpoint));
#pragma warning restore CS0618

        var spans = await receiver.WaitForSpansAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, spans.Count);
        var parent = Assert.Single(spans, s => s.Name == SampleTrace.ParentName);
        var child = Assert.Single(spans, s => s.Name == SampleTrace.ChildName);

        Assert.All(spans, s => Assert.Equal(sent.TraceId, s.TraceId));
        Assert.All(spans, s => Assert.Equal(SampleTrace.ServiceName, s.ServiceName));
        Assert.All(spans, s => Assert.True(s.Timestamp > 0 && s.Duration >= 0));

        Assert.Equal(sent.ParentSpanId, parent.Id);
        Assert.Null(parent.ParentId);
        Assert.Equal("SERVER", parent.Kind);
        Assert.Equal("hello", parent.Tags["sample.text"]);
        Assert.Equal("42", parent.Tags["sample.count"]);

        Assert.Equal(sent.ChildSpanId, child.Id);
        Assert.Equal(sent.ParentSpanId, child.ParentId);
        Assert.Equal("compile", child.Tags["sample.step"]);
        Assert.Contains(child.Annotations, a => a.Value == SampleTrace.EventName && a.Timestamp > 0);
        Assert.Equal("/api/v2/spans", receiver.SpansEndpoint.AbsolutePath);
        Assert.Equal(1, receiver.RequestCount);
    }
}
