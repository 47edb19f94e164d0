using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Emits a <see cref="CompletedSpan"/> through an <see cref="ActivitySource"/>, so it passes the
/// configured sampler, processors (redaction) and exporters like any other span, but with the
/// trace and span ids chosen in advance.
/// </summary>
/// <remarks>
/// .NET has no public API to give an <see cref="Activity"/> a chosen span id (it draws one in
/// <c>Start</c>). After <c>Start</c>, and before anything reads it, the ids are written into the
/// activity's W3C id fields with <see cref="UnsafeAccessorAttribute"/> (AOT- and trim-safe, no
/// reflection), and the cached <c>Id</c> string is cleared so it is rebuilt from them. Every call
/// checks the result through the public API and throws if the runtime no longer honours it; the
/// test <c>CompletedSpanEmitterTests</c> pins this on every CI run, on the wire.
/// </remarks>
public static class CompletedSpanEmitter
{
    /// <summary>Emits the span; returns the stopped activity, or null when nobody records it.</summary>
    public static Activity? Emit(ActivitySource source, CompletedSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(span);

        var parent = span.ParentSpanId == default
            ? default
            : new ActivityContext(span.TraceId, span.ParentSpanId, span.TraceFlags, span.TraceState, isRemote: true);

        // With no explicit parent, CreateActivity would adopt Activity.Current: a root must stay a root.
        var current = Activity.Current;
        Activity.Current = null;
        try
        {
            var activity = source.CreateActivity(span.Name, span.Kind, parent, span.Tags, span.Links, ActivityIdFormat.W3C);
            if (activity is null)
            {
                return null;
            }

            activity.SetStartTime(span.StartTime.UtcDateTime);
            activity.Start();
            SetIds(activity, span.TraceId, span.SpanId);
            if (span.TraceState is not null)
            {
                activity.TraceStateString = span.TraceState;
            }

            if (span.Status != ActivityStatusCode.Unset)
            {
                activity.SetStatus(span.Status, span.StatusDescription);
            }

            activity.SetEndTime(span.EndTime.UtcDateTime);
            activity.Stop();
            return activity;
        }
        finally
        {
            Activity.Current = current;
        }
    }

    /// <summary>Gives a started activity chosen ids, verifying through the public API that it took.</summary>
    internal static void SetIds(Activity activity, ActivityTraceId traceId, ActivitySpanId spanId)
    {
        try
        {
            TraceIdField(activity) = traceId.ToHexString();
            SpanIdField(activity) = spanId.ToHexString();
            IdField(activity) = null;
        }
        catch (MissingFieldException ex)
        {
            throw new InvalidOperationException(
                "This .NET runtime's Activity no longer has the W3C id fields Obs sets to emit a span with a pre-chosen id (_traceId, _spanId, _id).", ex);
        }

        if (activity.SpanId != spanId || activity.TraceId != traceId || activity.Id != $"00-{traceId.ToHexString()}-{spanId.ToHexString()}-{(activity.Recorded ? "01" : "00")}")
        {
            throw new InvalidOperationException(
                $"This .NET runtime ignored the pre-chosen span id {spanId} (Activity reports {activity.SpanId}, id {activity.Id}).");
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_traceId")]
    private static extern ref string? TraceIdField(Activity activity);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_spanId")]
    private static extern ref string? SpanIdField(Activity activity);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_id")]
    private static extern ref string? IdField(Activity activity);
}
