using System.Diagnostics;
using Obs.Telemetry.Tracing;

namespace Obs.Telemetry.Tests.Tracing;

public sealed class W3CTraceContextTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string SpanId = "b7ad6b7169203331";
    private const string Sampled = $"00-{TraceId}-{SpanId}-01";

    [Fact]
    public void TryParse_ValidWithTracestate_GivesRemoteContextWithIdsFlagsAndState()
    {
        Assert.True(W3CTraceContext.TryParse(Sampled, "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", out var context));

        Assert.Equal(TraceId, context.TraceId.ToHexString());
        Assert.Equal(SpanId, context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData($" 00-{TraceId}-{SpanId}-00 ", "   ")]
    [InlineData($"00-{TraceId}-{SpanId}-00", null)]
    public void TryParse_NotSampledAndBlankTracestate_GivesContextWithoutState(string traceparent, string? tracestate)
    {
        Assert.True(W3CTraceContext.TryParse(traceparent, tracestate, out var context));

        Assert.Equal(ActivityTraceFlags.None, context.TraceFlags);
        Assert.Null(context.TraceState);
        Assert.Equal(TraceId, context.TraceId.ToHexString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData($"00-{TraceId}-{SpanId}")]
    [InlineData($"00-{TraceId}-{SpanId}-0")]
    [InlineData($"00-0af7651916cd43dd8448eb211c80319-{SpanId}-01")]
    [InlineData($"00-{TraceId}-b7ad6b716920333-01")]
    [InlineData($"00-{TraceId}-b7ad6b716920333z-01")]
    [InlineData($"00_{TraceId}_{SpanId}_01")]
    [InlineData($"ff-{TraceId}-{SpanId}-01")]
    [InlineData($"00-00000000000000000000000000000000-{SpanId}-01")]
    [InlineData($"00-{TraceId}-0000000000000000-01")]
    [InlineData($"00-{TraceId}-{SpanId}-01-extra")]
    [InlineData($"00-{TraceId}-{SpanId}-0g")]
    [InlineData($"00-0AF7651916CD43DD8448EB211C80319C-{SpanId}-01")]
    [InlineData($"00-{TraceId}-B7AD6B7169203331-01")]
    [InlineData($"00-{TraceId}-{SpanId}-1")]
    [InlineData($"0-{TraceId}-{SpanId}-01")]
    [InlineData($"0g-{TraceId}-{SpanId}-01")]
    [InlineData($"00-{TraceId}-{SpanId}_01")]
    [InlineData($"00-{TraceId}_{SpanId}-01")]
    [InlineData($"00 {TraceId}-{SpanId}-01")]
    public void TryParse_MalformedOrAllZero_IsRejectedWithDefaultContext(string? traceparent)
    {
        Assert.False(W3CTraceContext.TryParse(traceparent, "congo=t61rcWkgMzE", out var context));
        Assert.Equal(default, context);
    }

    [Theory]
    [InlineData($"00-{TraceId}-{SpanId}-01")]
    [InlineData($"00-{TraceId}-{SpanId}-00")]
    public void Format_ParsedContext_RoundTripsIdsAndSampledFlag(string traceparent)
    {
        Assert.True(W3CTraceContext.TryParse(traceparent, null, out var context));

        Assert.Equal(traceparent, W3CTraceContext.Format(context));
    }

    [Fact]
    public void Format_NewContext_IsVersionZeroLowercaseHex()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var traceparent = W3CTraceContext.Format(context);

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", traceparent);
        Assert.True(W3CTraceContext.TryParse(traceparent, null, out var parsed));
        Assert.Equal(context.TraceId, parsed.TraceId);
        Assert.Equal(context.SpanId, parsed.SpanId);
    }

    [Fact]
    public void TryReadEnvironment_TraceparentAndTracestateSet_ReadsBoth()
    {
        var environment = new Dictionary<string, string?>
        {
            [W3CTraceContext.TraceparentVariable] = Sampled,
            [W3CTraceContext.TracestateVariable] = "vendor=value",
            ["PATH"] = "/usr/bin",
        };

        Assert.True(W3CTraceContext.TryReadEnvironment(environment, out var context));

        Assert.Equal(TraceId, context.TraceId.ToHexString());
        Assert.Equal(SpanId, context.SpanId.ToHexString());
        Assert.Equal("vendor=value", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Fact]
    public void TryReadEnvironment_OnlyTraceparent_ReadsItWithoutState()
    {
        var environment = new Dictionary<string, string?> { [W3CTraceContext.TraceparentVariable] = Sampled };

        Assert.True(W3CTraceContext.TryReadEnvironment(environment, out var context));
        Assert.Null(context.TraceState);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-traceparent")]
    public void TryReadEnvironment_TraceparentMissingOrMalformed_IsFalse(string? traceparent)
    {
        var environment = new Dictionary<string, string?> { [W3CTraceContext.TracestateVariable] = "vendor=value" };
        if (traceparent is not null)
        {
            environment[W3CTraceContext.TraceparentVariable] = traceparent;
        }

        Assert.False(W3CTraceContext.TryReadEnvironment(environment, out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void TryReadEnvironment_LowercaseVariableName_IsNotRead()
    {
        // Environment variable names are case-sensitive on Linux; only the upper-case names are W3C's.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["traceparent"] = Sampled };

        Assert.False(W3CTraceContext.TryReadEnvironment(environment, out _));
    }
}
