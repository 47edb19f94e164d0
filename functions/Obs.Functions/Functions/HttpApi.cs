using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Obs.Api;
using Obs.Api.Endpoints;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;

namespace Obs.Functions.Functions;

/// <summary>
/// The HTTP API as HTTP triggers: each calls the same <see cref="ObsApiHandlers"/> method <c>obs serve</c>
/// maps, over the <c>[DurableClient]</c>. The host checks function keys (every route but <c>/health</c> is
/// <see cref="AuthorizationLevel.Function"/>), so <see cref="ObsApiOptions.RequireFunctionKey"/> is off.
/// Durable's instance routes are served by the Durable extension itself (see <see cref="FunctionRoutes"/>).
/// </summary>
public sealed class HttpApi
{
    private readonly ObsApiOptions _options;
    private readonly OrchestrationRegistry _registry;

    public HttpApi(ObsApiOptions options, OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _options = options;
        _registry = registry;
    }

    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new HttpResultAction(await Handlers(client).HealthAsync(req.HttpContext).ConfigureAwait(false));
    }

    [Function(nameof(TraceContext))]
    public static IActionResult TraceContext(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FunctionRoutes.TraceContext)] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new HttpResultAction(ObsApiHandlers.TraceContext(req.HttpContext));
    }

    [Function(nameof(StartBuild))]
    public Task<IActionResult> StartBuild(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Build)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        StartAsync(req, client, handlers => handlers.Build);

    [Function(nameof(StartTest))]
    public Task<IActionResult> StartTest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Test)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        StartAsync(req, client, handlers => handlers.Test);

    [Function(nameof(StartBenchmark))]
    public Task<IActionResult> StartBenchmark(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Benchmark)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        StartAsync(req, client, handlers => handlers.Benchmark);

    [Function(nameof(StartStartup))]
    public Task<IActionResult> StartStartup(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionRoutes.Startup)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        StartAsync(req, client, handlers => handlers.Startup);

    private async Task<IActionResult> StartAsync(HttpRequest req, DurableTaskClient client, Func<ObsApiHandlers, StartRoute> route)
    {
        ArgumentNullException.ThrowIfNull(req);
        var handlers = Handlers(client);
        return new HttpResultAction(await handlers.StartAsync(req.HttpContext, route(handlers)).ConfigureAwait(false));
    }

    private ObsApiHandlers Handlers(DurableTaskClient client) =>
        new(new DurableClient(client, _registry.Serializer), _options, managementPayload: (request, id) => ManagementPayloads.For(client, request, id));
}
