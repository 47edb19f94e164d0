using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Obs.Telemetry.Catalog;

namespace Obs.Api.Tracing;

/// <summary>
/// The original design's HTTP attributes (<c>http.method</c>, <c>http.url</c>, <c>http.status_code</c>,
/// <c>http.user_agent</c>, <c>http.request_content_length</c>) added to a server span beside the stable
/// <c>http.*</c>/<c>url.*</c> ones the ASP.NET Core instrumentation sets. <c>http.url</c> carries no query
/// string: a <c>?code=</c> function key never reaches a span.
/// </summary>
public static class HttpSpanAttributes
{
    /// <summary>For the instrumentation's <c>EnrichWithHttpRequest</c>.</summary>
    public static void OnRequest(Activity activity, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(request);
        activity.SetTag(AttributeKeys.Http.LegacyMethod, request.Method);
        activity.SetTag(AttributeKeys.Http.LegacyUrl, $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
        var userAgent = request.Headers.UserAgent.ToString();
        if (userAgent.Length > 0)
        {
            activity.SetTag(AttributeKeys.Http.LegacyUserAgent, userAgent);
        }

        if (request.ContentLength is { } length)
        {
            activity.SetTag(AttributeKeys.Http.LegacyRequestContentLength, length);
        }
    }

    /// <summary>For the instrumentation's <c>EnrichWithHttpResponse</c>.</summary>
    public static void OnResponse(Activity activity, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(response);
        activity.SetTag(AttributeKeys.Http.LegacyStatusCode, response.StatusCode);
    }
}
