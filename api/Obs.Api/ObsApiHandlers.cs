using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Obs.Api.Endpoints;
using Obs.Api.Http;
using Obs.Api.Payloads;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations;
using Obs.Telemetry.Catalog;

namespace Obs.Api;

/// <summary>
/// The HTTP API's handlers, free of any host: each takes the request's <see cref="HttpContext"/> and
/// returns an <see cref="IResult"/>, over an <see cref="OrchestrationClient"/> — the local engine's under
/// <c>obs serve</c>, the Durable adapter's under Functions.
/// </summary>
public sealed class ObsApiHandlers
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    private readonly OrchestrationClient _client;
    private readonly ObsApiOptions _options;
    private readonly RequestPolicy _policy;
    private readonly Func<CancellationToken, Task<IReadOnlyDictionary<string, ReadinessCheck>>>? _readiness;
    private readonly Func<HttpRequest, string, ManagementPayload> _managementPayload;

    /// <param name="client">Starts and queries instances.</param>
    /// <param name="options">Limits, defaults and the request policy.</param>
    /// <param name="readiness">The host's readiness checks for <c>/health</c> (engine, database, exporters).</param>
    /// <param name="managementPayload">
    /// The management URLs of a started instance; by default <see cref="ManagementUrls.Payload"/> (this host's status API).
    /// Functions passes Durable's own, which carry the extension's system key.
    /// </param>
    public ObsApiHandlers(
        OrchestrationClient client,
        ObsApiOptions options,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, ReadinessCheck>>>? readiness = null,
        Func<HttpRequest, string, ManagementPayload>? managementPayload = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _policy = new RequestPolicy(options);
        _readiness = readiness;
        _managementPayload = managementPayload ?? ManagementUrls.Payload;
        Build = new BuildRoute(options.DefaultBuild);
    }

    public StartRoute Build { get; }

    public StartRoute Test { get; } = new TestRoute();

    public StartRoute Benchmark { get; } = new BenchmarkRoute();

    public StartRoute Startup { get; } = new StartupRoute();

    /// <summary><c>GET /health</c>: 200 when every readiness check passes, else 503; same body either way.</summary>
    public async Task<IResult> HealthAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var checks = _readiness is null ? null : await _readiness(http.RequestAborted).ConfigureAwait(false);
        var healthy = checks?.Values.All(c => c.IsHealthy) ?? true;
        var report = new HealthReport
        {
            Status = healthy ? HealthReport.Healthy : HealthReport.Unhealthy,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
            Service = _options.ServiceName,
            Checks = checks,
        };
        return TypedResults.Json(report, ApiJsonContext.Readable.HealthReport, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary><c>GET /trace-context</c>: the trace id, span id and flags of this request's own server span.</summary>
    public static IResult TraceContext(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Without a W3C server span (no tracing SDK and a hierarchical id), answer with a fresh trace.
        var span = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current && current.TraceId != default ? current : null;
        var context = span?.Context ?? new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        var flags = (int)context.TraceFlags;
        var traceparent = string.Create(CultureInfo.InvariantCulture, $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{flags:x2}");
        return TypedResults.Json(
            new TraceContextReport(context.TraceId.ToHexString(), context.SpanId.ToHexString(), flags, new TraceContextHeaders(traceparent, span?.TraceStateString)),
            ApiJsonContext.Readable.TraceContextReport);
    }

    /// <summary>
    /// A starting route: reads the body (413 over the limit), checks it (400 listing every problem), starts
    /// the orchestration as a child of the request's span, and answers 202 with Durable's management
    /// payload — or, with <c>?wait=SECONDS</c>, 200 and the instance's status once it finishes in time.
    /// </summary>
    public async Task<IResult> StartAsync(HttpContext http, StartRoute route)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(route);
        if (!TryReadWait(http, out var wait, out var waitProblem))
        {
            return ApiResults.Invalid(http, ApiRoutes.WaitQuery, waitProblem);
        }

        var body = await RequestBody.ReadAsync(http.Request, _options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return ApiResults.Problem(http, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                string.Create(CultureInfo.InvariantCulture, $"The limit is {_options.MaxRequestBodyBytes} bytes."));
        }

        var problems = new ProblemList();
        var input = Bind(body, route, problems);
        if (input is null)
        {
            return ApiResults.Invalid(http, problems);
        }

        // The id and the payload that finds it come first: an instance is never scheduled if the
        // caller could not be told where it is.
        var id = Guid.NewGuid().ToString("N");
        var payload = _managementPayload(http.Request, id);
        var span = Activity.Current;
        await _client.ScheduleNewOrchestrationInstanceAsync(route.OrchestrationName, input,
            new StartOrchestrationOptions(id) { ParentContext = span?.Context ?? default }, http.RequestAborted).ConfigureAwait(false);
        span?.SetTag(AttributeKeys.Obs.OrchestrationInstanceId, id);
        span?.SetTag(AttributeKeys.Obs.OrchestrationName, route.OrchestrationName);

        if (wait is { } seconds && await WaitAsync(id, seconds, http.RequestAborted).ConfigureAwait(false) is { } finished)
        {
            return InstanceStatusResult(http, finished, showInput: false, failureAs500: false);
        }

        http.Response.Headers.Location = payload.StatusQueryGetUri;
        http.Response.Headers.RetryAfter = ApiRoutes.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(payload, ApiJsonContext.Readable.ManagementPayload, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>GET …/instances/{id}</c>: 202 + Location while running, 200 when finished, 404 when unknown.</summary>
    public async Task<IResult> GetStatusAsync(HttpContext http, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var metadata = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, http.RequestAborted).ConfigureAwait(false);
        if (metadata is null)
        {
            return ApiResults.NotFound(http, $"No instance '{instanceId}'.");
        }

        var showInput = !string.Equals(http.Request.Query[ApiRoutes.ShowInputQuery], "false", StringComparison.OrdinalIgnoreCase);
        var failureAs500 = string.Equals(http.Request.Query[ApiRoutes.ReturnInternalServerErrorOnFailureQuery], "true", StringComparison.OrdinalIgnoreCase);
        if (!metadata.IsCompleted)
        {
            http.Response.Headers.Location = ManagementUrls.Status(http.Request, instanceId);
            http.Response.Headers.RetryAfter = ApiRoutes.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(InstanceStatusMapper.From(metadata, showInput), ApiJsonContext.Readable.InstanceStatus, statusCode: StatusCodes.Status202Accepted);
        }

        return InstanceStatusResult(http, metadata, showInput, failureAs500);
    }

    /// <summary><c>POST …/instances/{id}/terminate?reason=</c>: 202 when accepted, 404 unknown, 410 already finished.</summary>
    public async Task<IResult> TerminateAsync(HttpContext http, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var metadata = await _client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted).ConfigureAwait(false);
        if (metadata is null)
        {
            return ApiResults.NotFound(http, $"No instance '{instanceId}'.");
        }

        if (metadata.IsCompleted)
        {
            return ApiResults.Problem(http, StatusCodes.Status410Gone, "The instance has already finished.", $"'{instanceId}' is {metadata.RuntimeStatus}.");
        }

        var reason = http.Request.Query[ApiRoutes.ReasonQuery].ToString();
        await _client.TerminateInstanceAsync(instanceId, reason.Length > 0 ? reason : null, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary><c>DELETE …/instances/{id}</c>: purges a finished instance's history; 404 unknown, 409 still running.</summary>
    public async Task<IResult> PurgeAsync(HttpContext http, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var metadata = await _client.GetInstanceAsync(instanceId, cancellation: http.RequestAborted).ConfigureAwait(false);
        if (metadata is null)
        {
            return ApiResults.NotFound(http, $"No instance '{instanceId}'.");
        }

        if (!metadata.IsCompleted)
        {
            return ApiResults.Problem(http, StatusCodes.Status409Conflict, "The instance is still running.", $"Terminate '{instanceId}' first, then purge it.");
        }

        var purged = await _client.PurgeInstanceAsync(instanceId, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new PurgeResponse(purged.PurgedInstanceCount), ApiJsonContext.Readable.PurgeResponse);
    }

    /// <summary><c>POST …/instances/{id}/raiseEvent/{name}</c>: Obs orchestrations wait for no external events.</summary>
    public static IResult RaiseEvent(HttpContext http, string instanceId, string eventName) =>
        ApiResults.Problem(http, StatusCodes.Status501NotImplemented, "External events are not supported.",
            $"Obs orchestrations wait for no external events; '{eventName}' was not delivered to '{instanceId}'.");

    private object? Bind(byte[] body, StartRoute route, ProblemList problems)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return route.Bind(null, _policy, problems);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, s_documentOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(ProblemList.Root, string.Create(CultureInfo.InvariantCulture,
                $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message}"));
            return null;
        }

        using (document)
        {
            route.Shape?.Check(document.RootElement, ProblemList.Root, problems);
            return problems.Count > 0 ? null : route.Bind(document.RootElement, _policy, problems);
        }
    }

    private bool TryReadWait(HttpContext http, out double? wait, out string problem)
    {
        wait = null;
        problem = string.Empty;
        var value = http.Request.Query[ApiRoutes.WaitQuery].ToString();
        if (value.Length == 0)
        {
            return true;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > _options.MaxWaitSeconds)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a number of seconds between 0 and {_options.MaxWaitSeconds}.");
            return false;
        }

        wait = seconds;
        return true;
    }

    private async Task<OrchestrationMetadata?> WaitAsync(string id, double seconds, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return null;
        }
    }

    private static IResult InstanceStatusResult(HttpContext http, OrchestrationMetadata metadata, bool showInput, bool failureAs500)
    {
        var status = failureAs500 && metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status200OK;
        return TypedResults.Json(InstanceStatusMapper.From(metadata, showInput), ApiJsonContext.Readable.InstanceStatus, statusCode: status);
    }
}
