using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Server spans for an ASP.NET Core host (<c>obs serve</c>) straight from the framework: ASP.NET Core 10 starts a
/// <c>Microsoft.AspNetCore</c> activity for every request and, with its
/// <see cref="NativeAttributesSwitch"/> turned off, sets the stable HTTP server attributes itself
/// (<c>http.request.method</c>, <c>url.path</c>, <c>url.scheme</c>, <c>server.*</c>, <c>http.route</c>,
/// <c>http.response.status_code</c>, …) — what ASP.NET Core 11 does by default.
/// </summary>
/// <remarks>
/// This replaces <c>OpenTelemetry.Instrumentation.AspNetCore</c>, which subscribed to the hosting
/// <c>DiagnosticListener</c> and set the same attributes again from its start and stop events: about a third of what
/// tracing cost a <c>GET /health</c> (docs/PERFORMANCE.md). The original design's <c>http.*</c> attributes are added by
/// the API's own first middleware (<c>Obs.Api.Tracing.HttpSpanAttributes</c>).
/// </remarks>
public static class AspNetCoreServerSpans
{
    /// <summary>The activity source ASP.NET Core's hosting layer starts request activities on.</summary>
    public const string SourceName = "Microsoft.AspNetCore";

    /// <summary>The AppContext switch that, while true (ASP.NET Core 10's default), keeps the attributes off the activity.</summary>
    public const string NativeAttributesSwitch = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";

    /// <summary>
    /// Listens to ASP.NET Core's request activities and asks the framework for their attributes. Call before the web
    /// host is built: the hosting layer reads the switch when it starts.
    /// </summary>
    public static TracerProviderBuilder AddAspNetCoreServerSpans(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        AppContext.SetSwitch(NativeAttributesSwitch, false);
        return tracing.AddSource(SourceName);
    }
}
