using System.Diagnostics;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// The C# shape of the original design's helpers: <c>trace_span</c> is <see cref="StartSpan"/>
/// in a <c>using</c>; <c>trace_operation</c> is <see cref="Trace{T}"/> / <see cref="TraceAsync{T}"/>,
/// which record an escaping exception on the span and rethrow it; <c>add_span_attribute</c> is
/// <see cref="AddSpanAttribute"/>. Spans are nullable: nothing is allocated when nobody listens.
/// </summary>
public static class ObsTracing
{
    /// <summary>Starts a span (the current span is its parent unless <paramref name="parent"/> is given).</summary>
    public static Activity? StartSpan(
        this ActivitySource source,
        string name,
        ActivityKind kind = ActivityKind.Internal,
        IEnumerable<KeyValuePair<string, object?>>? tags = null,
        ActivityContext parent = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartActivity(name, kind, parent, tags);
    }

    /// <summary>Runs <paramref name="body"/> inside a span; an exception is recorded and rethrown.</summary>
    public static T Trace<T>(this ActivitySource source, string name, Func<Activity?, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var span = source.StartSpan(name);
        try
        {
            return body(span);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> inside a span; an exception is recorded and rethrown.</summary>
    public static async Task<T> TraceAsync<T>(this ActivitySource source, string name, Func<Activity?, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var span = source.StartSpan(name);
        try
        {
            return await body(span).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> inside a span; an exception is recorded and rethrown.</summary>
    public static async Task TraceAsync(this ActivitySource source, string name, Func<Activity?, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var span = source.StartSpan(name);
        try
        {
            await body(span).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);
            throw;
        }
    }

    /// <summary>Sets an attribute on the current span, if there is one.</summary>
    public static void AddSpanAttribute(string key, object? value) => Activity.Current?.SetTag(key, value);
}
