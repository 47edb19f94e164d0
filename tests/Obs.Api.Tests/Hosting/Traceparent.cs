using System.Diagnostics;

namespace Obs.Api.Tests.Hosting;

/// <summary>A W3C <c>traceparent</c> a test makes up, so it can find its own trace among every test's spans.</summary>
public readonly record struct Traceparent(ActivityTraceId TraceId, ActivitySpanId SpanId)
{
    public static Traceparent New() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());

    public static Traceparent Of(Activity activity) => new(activity.TraceId, activity.SpanId);

    public string Header => $"00-{TraceId.ToHexString()}-{SpanId.ToHexString()}-01";

    public override string ToString() => Header;
}
