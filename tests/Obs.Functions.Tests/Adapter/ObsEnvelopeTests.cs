using System.Diagnostics;
using System.Text.Json;
using Obs.Orchestrations.Durable;

namespace Obs.Functions.Tests.Adapter;

/// <summary>Obs's envelope through Durable: the caller's JSON and the trace context, read back as they went in.</summary>
public sealed class ObsEnvelopeTests
{
    private static readonly ActivityContext s_parent = new(
        ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c"),
        ActivitySpanId.CreateFromString("b7ad6b7169203331"),
        ActivityTraceFlags.Recorded,
        "vendor=abc",
        isRemote: true);

    [Fact]
    public void Wrap_IsTheDocumentedShape()
    {
        var element = ObsEnvelope.Wrap("""{"name":"app"}""", ObsTraceHeader.From(s_parent, taskId: 4));

        Assert.Equal(
            """{"$obs":{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","tracestate":"vendor=abc","task_id":4},"input":{"name":"app"}}""",
            element.GetRawText());
    }

    [Fact]
    public void WrapThenRead_GivesBackTheInputTheParentAndTheTaskId()
    {
        var element = ObsEnvelope.Wrap("""[1,"two",{"three":3}]""", ObsTraceHeader.From(s_parent, taskId: 2));

        var (trace, input) = ObsEnvelope.Read(element);

        Assert.NotNull(trace);
        Assert.Equal(s_parent, trace.Parent);
        Assert.Equal(2, trace.TaskId);
        Assert.Equal("""[1,"two",{"three":3}]""", input);
    }

    [Fact]
    public void WrapThenRead_NullInput_StaysNullAndIsLeftOut()
    {
        var element = ObsEnvelope.Wrap(null, ObsTraceHeader.From(default));

        Assert.Equal("""{"$obs":{}}""", element.GetRawText());
        var (trace, input) = ObsEnvelope.Read(element);
        Assert.NotNull(trace);
        Assert.Equal(default, trace.Parent);
        Assert.Null(trace.TaskId);
        Assert.Null(input);
    }

    [Theory]
    [InlineData("""{"steps":[{"name":"a"}]}""")]
    [InlineData("""{"input":{"x":1}}""")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void Read_BareInput_IsTheInputItselfWithoutTrace(string json)
    {
        using var document = JsonDocument.Parse(json);

        var (trace, input) = ObsEnvelope.Read(document.RootElement);

        Assert.Null(trace);
        Assert.Equal(json, input);
    }

    [Fact]
    public void Read_NothingOrJsonNull_IsNoInput()
    {
        using var document = JsonDocument.Parse("null");

        Assert.Equal(((ObsTraceHeader?)null, (string?)null), ObsEnvelope.Read(null));
        Assert.Equal(((ObsTraceHeader?)null, (string?)null), ObsEnvelope.Read(document.RootElement));
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    public void Parent_MalformedTraceparent_IsNoParent(string traceparent) =>
        Assert.Equal(default, new ObsTraceHeader { Traceparent = traceparent }.Parent);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("""{"$obs":{"task_id":1},"input":"x"}""", "\"x\"")]
    [InlineData("""{"$obs":{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}}""", null)]
    public void InputOf_StoredInput_IsTheCallersEnvelopeOrBare(string? stored, string? expected) =>
        Assert.Equal(expected, ObsEnvelope.InputOf(stored));

    [Fact]
    public void ToElementAndText_RoundTripJsonAndKeepNullNull()
    {
        Assert.Null(ObsEnvelope.ToElement(null));
        Assert.Null(ObsEnvelope.Text(null));
        Assert.Null(ObsEnvelope.Text(ObsEnvelope.ToElement("null")));
        Assert.Equal("""{"a":[1]}""", ObsEnvelope.Text(ObsEnvelope.ToElement("""{"a":[1]}""")));
    }
}
