using System.Diagnostics;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// W3C Trace Context in the places it travels outside HTTP: the <c>TRACEPARENT</c> and
/// <c>TRACESTATE</c> environment variables a process receives from its caller and hands its children.
/// </summary>
public static class W3CTraceContext
{
    public const string TraceparentVariable = "TRACEPARENT";
    public const string TracestateVariable = "TRACESTATE";

    /// <summary>Formats a context as a version-00 <c>traceparent</c>.</summary>
    public static string Format(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>
    /// Parses <c>traceparent</c> (+ optional <c>tracestate</c>). An absent or malformed value gives
    /// false, and the caller starts a new trace: a bad header never fails the work.
    /// </summary>
    public static bool TryParse(string? traceparent, string? tracestate, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrWhiteSpace(traceparent))
        {
            return false;
        }

        var text = traceparent.Trim();
        if (!HasDashesWhereW3CPutsThem(text)
            || !ActivityContext.TryParse(text, string.IsNullOrWhiteSpace(tracestate) ? null : tracestate.Trim(), isRemote: true, out var parsed)
            || parsed.TraceId == default
            || parsed.SpanId == default)
        {
            return false;
        }

        context = parsed;
        return true;
    }

    /// <summary>Reads the parent context from <c>TRACEPARENT</c>/<c>TRACESTATE</c> in an environment.</summary>
    public static bool TryReadEnvironment(IReadOnlyDictionary<string, string?> environment, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.TryGetValue(TraceparentVariable, out var traceparent);
        environment.TryGetValue(TracestateVariable, out var tracestate);
        return TryParse(traceparent, tracestate, out context);
    }

    // ActivityContext.TryParse checks the version, the hex fields and the length, but not the separators:
    // "00_{trace}_{span}_01" would pass it. Version 00 is version(2)-trace(32)-span(16)-flags(2).
    private static bool HasDashesWhereW3CPutsThem(string traceparent) =>
        traceparent.Length > 52 && traceparent[2] == '-' && traceparent[35] == '-' && traceparent[52] == '-';
}
