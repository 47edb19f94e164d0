using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Telemetry.Tests.Tracing;

public sealed class ActivityExtensionsTests : IDisposable
{
    private readonly InMemoryTrace _trace = new();

    public void Dispose() => _trace.Dispose();

    [Fact]
    public void RecordFailure_NullActivity_ReturnsNullWithoutThrowing()
    {
        Activity? none = null;

        Assert.Null(none.RecordFailure(new InvalidOperationException("ignored")));
        Assert.Null(none.SetError("timeout"));
    }

    [Fact]
    public void SetError_ErrorTypeAndDescription_AreOnTheSpanWithoutAnExceptionEvent()
    {
        using (var span = _trace.Source.StartSpan("span.error"))
        {
            Assert.Same(span, span.SetError("exit_code", "exited with 2"));
        }

        var ended = _trace.Single("span.error");
        Assert.Equal("exit_code", ended.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(ActivityStatusCode.Error, ended.Status);
        Assert.Equal("exited with 2", ended.StatusDescription);
        Assert.Empty(ended.Events);
    }

    [Theory]
    [InlineData(true, "01")]
    [InlineData(false, "00")]
    public void ToTraceparent_Span_IsVersionZeroWithItsIdsAndSampledFlag(bool recorded, string flags)
    {
        using var span = _trace.Source.StartSpan("span.traceparent");
        Assert.NotNull(span);
        span.ActivityTraceFlags = recorded ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None;

        Assert.Equal($"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-{flags}", span.ToTraceparent());
    }
}
