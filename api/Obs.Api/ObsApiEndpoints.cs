using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Obs.Api.Http;
using Obs.Api.Security;
using Obs.Api.Tracing;

namespace Obs.Api;

/// <summary>Maps the HTTP API onto an ASP.NET Core host (<c>obs serve</c>); the Functions app maps the same handlers with triggers.</summary>
public static class ObsApiEndpoints
{
    /// <summary>
    /// Maps every route of <see cref="ApiRoutes"/> to <paramref name="handlers"/> with plain request
    /// delegates (no reflection-based binding: the host is NativeAOT), and answers unknown routes with a
    /// 404 problem.
    /// </summary>
    public static IEndpointRouteBuilder MapObsApi(this IEndpointRouteBuilder endpoints, ObsApiHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handlers);
        endpoints.MapGet(ApiRoutes.Health, async http => await Execute(http, await handlers.HealthAsync(http).ConfigureAwait(false)).ConfigureAwait(false));
        endpoints.MapGet(ApiRoutes.TraceContext, http => Execute(http, ObsApiHandlers.TraceContext(http)));
        endpoints.MapPost(ApiRoutes.Build, http => StartAsync(http, handlers, handlers.Build));
        endpoints.MapPost(ApiRoutes.Test, http => StartAsync(http, handlers, handlers.Test));
        endpoints.MapPost(ApiRoutes.Benchmark, http => StartAsync(http, handlers, handlers.Benchmark));
        endpoints.MapPost(ApiRoutes.Startup, http => StartAsync(http, handlers, handlers.Startup));
        endpoints.MapGet(ApiRoutes.Instance, async http => await Execute(http, await handlers.GetStatusAsync(http, InstanceId(http)).ConfigureAwait(false)).ConfigureAwait(false));
        endpoints.MapDelete(ApiRoutes.Instance, async http => await Execute(http, await handlers.PurgeAsync(http, InstanceId(http)).ConfigureAwait(false)).ConfigureAwait(false));
        endpoints.MapPost(ApiRoutes.TerminateInstance, async http => await Execute(http, await handlers.TerminateAsync(http, InstanceId(http)).ConfigureAwait(false)).ConfigureAwait(false));
        endpoints.MapPost(ApiRoutes.RaiseEvent, http => Execute(http, ObsApiHandlers.RaiseEvent(http, InstanceId(http), (string)http.GetRouteValue(ApiRoutes.EventNameParameter)!)));
        endpoints.MapFallback(http => Execute(http, ApiResults.NotFound(http, $"No route {http.Request.Method} {http.Request.Path}.")));
        return endpoints;
    }

    /// <summary>
    /// The whole API on a host that owns its pipeline (<c>obs serve</c>): the server span's attributes, failures
    /// answered as problem details, then function keys (per <paramref name="options"/>), then <see cref="MapObsApi"/>.
    /// </summary>
    public static WebApplication UseObsApi(this WebApplication app, ObsApiHandlers handlers, ObsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        app.Use(HttpSpanAttributes.RecordAsync);
        app.Use(ProblemMiddleware.AnswerFailuresAsProblemsAsync);
        app.Use((http, next) => FunctionKeys.RequireAsync(http, next, options));
        app.MapObsApi(handlers);
        return app;
    }

    private static async Task StartAsync(HttpContext http, ObsApiHandlers handlers, Endpoints.StartRoute route) =>
        await Execute(http, await handlers.StartAsync(http, route).ConfigureAwait(false)).ConfigureAwait(false);

    private static string InstanceId(HttpContext http) => (string)http.GetRouteValue(ApiRoutes.InstanceIdParameter)!;

    private static Task Execute(HttpContext http, IResult result) => result.ExecuteAsync(http);
}
