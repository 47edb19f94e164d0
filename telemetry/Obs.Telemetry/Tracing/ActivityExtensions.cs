using System.Diagnostics;
using Obs.Telemetry.Catalog;

namespace Obs.Telemetry.Tracing;

/// <summary>Recording failures on spans the one way Obs does it: exception event, error.type, Error status.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// Records <paramref name="exception"/> as an <c>exception</c> event (type, message, stack trace),
    /// sets <c>error.type</c> to the exception's full type name and the span status to Error.
    /// A null activity (nobody listening, or sampled out) is fine.
    /// </summary>
    public static Activity? RecordFailure(this Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is null)
        {
            return null;
        }

        activity.AddException(exception);
        activity.SetTag(AttributeKeys.Error.Type, exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        return activity;
    }

    /// <summary>Marks the span failed with <c>error.type</c> = <paramref name="errorType"/> and a description.</summary>
    public static Activity? SetError(this Activity? activity, string errorType, string? description = null)
    {
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(AttributeKeys.Error.Type, errorType);
        activity.SetStatus(ActivityStatusCode.Error, description);
        return activity;
    }

    /// <summary>The W3C <c>traceparent</c> of this span, e.g. <c>00-{trace}-{span}-01</c>.</summary>
    public static string ToTraceparent(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return W3CTraceContext.Format(activity.Context);
    }
}
