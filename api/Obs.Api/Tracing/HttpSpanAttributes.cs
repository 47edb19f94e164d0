using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Redaction;
using Obs.Telemetry.Tracing;

namespace Obs.Api.Tracing;

/// <summary>
/// Completes the server span ASP.NET Core starts for each request (<c>Obs.Telemetry.Tracing.AspNetCoreServerSpans</c>):
/// the framework sets <c>http.request.method</c>, <c>url.scheme</c>, <c>url.path</c>, <c>server.*</c> and
/// <c>user_agent.original</c> when the request starts; this adds what only the end of the request knows
/// (<c>http.route</c>, <c>http.response.status_code</c>, the span name <c>GET /health</c>, Error status on a 5xx), the
/// query with every value masked, and the original design's attributes (<c>http.method</c>, <c>http.url</c>,
/// <c>http.status_code</c>, <c>http.user_agent</c>, <c>http.request_content_length</c>). <c>http.url</c> carries no
/// query string: a <c>?code=</c> function key never reaches a span.
/// </summary>
public static class HttpSpanAttributes
{
    // Semantic conventions: a method outside this set is "_OTHER" and the span is named "HTTP", so span names stay few.
    private static readonly HashSet<string> KnownMethods = new(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"], StringComparer.Ordinal);

    /// <summary>
    /// Middleware, first in the pipeline. On a recorded server span it sets the attributes above, and records an
    /// exception no later middleware answered (one thrown after the response started); otherwise it only calls on.
    /// </summary>
    public static async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (Activity.Current is not { IsAllDataRequested: true, Kind: ActivityKind.Server } activity)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        OnRequest(activity, http.Request);
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity.RecordFailure(ex);
            throw;
        }
        finally
        {
            OnResponse(activity, http);
        }
    }

    private static void OnRequest(Activity activity, HttpRequest request)
    {
        activity.SetTag(AttributeKeys.Http.NetworkProtocolVersion, ProtocolVersion(request.Protocol));
        if (request.QueryString.Value is { Length: > 1 } query)
        {
            activity.SetTag(AttributeKeys.Http.UrlQuery, MaskedQuery(query));
        }

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

    private static void OnResponse(Activity activity, HttpContext http)
    {
        var status = http.Response.StatusCode;
        activity.SetTag(AttributeKeys.Http.ResponseStatusCode, status);
        activity.SetTag(AttributeKeys.Http.LegacyStatusCode, status);
        var method = KnownMethods.Contains(http.Request.Method) ? http.Request.Method : "HTTP";
        if ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { Length: > 0 } route)
        {
            activity.SetTag(AttributeKeys.Http.Route, route);
            activity.DisplayName = $"{method} {route}";
        }
        else
        {
            activity.DisplayName = method;
        }

        if (status >= StatusCodes.Status500InternalServerError && activity.Status == ActivityStatusCode.Unset)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag(AttributeKeys.Error.Type, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // "HTTP/1.1" -> "1.1", "HTTP/2" -> "2".
    private static string ProtocolVersion(string protocol) =>
        protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? protocol[5..] : protocol;

    // "?code=abc&wait=30" -> "code=[REDACTED]&wait=[REDACTED]": a value in a query string can be a key under any name.
    private static string MaskedQuery(string query)
    {
        var masked = new StringBuilder(query.Length);
        foreach (var pair in query.AsSpan(1).Split('&'))
        {
            var text = query.AsSpan(1)[pair];
            if (masked.Length > 0)
            {
                masked.Append('&');
            }

            var equals = text.IndexOf('=');
            masked.Append(equals < 0 ? text : text[..(equals + 1)]);
            if (equals >= 0)
            {
                masked.Append(SecretRedactor.Mask);
            }
        }

        return masked.ToString();
    }
}
