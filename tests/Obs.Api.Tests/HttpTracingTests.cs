using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Obs.Api.Tests.Hosting;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Api.Tests;

/// <summary>
/// The trace of an API request: the client's span → the ASP.NET Core server span (stable and legacy HTTP
/// attributes, no function key anywhere) → the orchestration span → its activity spans.
/// </summary>
public sealed class HttpTracingTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private const string Body = """{"name":"traced","steps":[{"name":"compile","type":"command","command":"echo compiled"}],"analyze_dependencies":false}""";

    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_FromClientSpan_ServerSpanIsChildWithStableAndLegacyHttpAttributes()
    {
        using var caller = ObsSpanCollector.CallerSource.StartActivity("client", ActivityKind.Client);
        Assert.NotNull(caller);

        using var response = await _server.Client.PostJsonAsync("build", Body, KeyIn.Query, Traceparent.Of(caller).Header);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();
        var server = await ServerTraces.ServerSpanAsync(caller.TraceId);
        Assert.Equal(caller.SpanId, server.ParentSpanId);
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal("POST", server.GetTagItem("http.request.method"));
        Assert.Equal("/build", server.GetTagItem("url.path"));
        Assert.Equal(202, Convert.ToInt32(server.GetTagItem("http.response.status_code"), CultureInfo.InvariantCulture));
        Assert.Equal("POST", server.GetTagItem(AttributeKeys.Http.LegacyMethod));
        Assert.Equal(new Uri(_server.BaseAddress, "build").ToString(), server.GetTagItem(AttributeKeys.Http.LegacyUrl));
        Assert.Equal(202, Convert.ToInt32(server.GetTagItem(AttributeKeys.Http.LegacyStatusCode), CultureInfo.InvariantCulture));
        Assert.Equal(ApiClient.UserAgent, server.GetTagItem(AttributeKeys.Http.LegacyUserAgent));
        Assert.Equal((long)Encoding.UTF8.GetByteCount(Body), Convert.ToInt64(server.GetTagItem(AttributeKeys.Http.LegacyRequestContentLength), CultureInfo.InvariantCulture));
        Assert.Equal(id, server.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal("Build", server.GetTagItem(AttributeKeys.Obs.OrchestrationName));
    }

    [Fact]
    public async Task BuildPost_FromClientSpan_OrchestrationSpanUnderServerSpanAndStepSpanUnderIt()
    {
        var client = Traceparent.New();

        using var response = await _server.Client.PostJsonAsync("build", Body, KeyIn.Header, client.Header);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var spans = await ServerTraces.WaitForAsync(client.TraceId, s => s.Any(ServerTraces.IsServerSpan) && s.Any(IsOrchestrationSpan));
        var server = Assert.Single(spans, ServerTraces.IsServerSpan);
        var orchestration = Assert.Single(spans, IsOrchestrationSpan);
        var step = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("compile"));
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal(server.SpanId, orchestration.ParentSpanId);
        Assert.Equal(orchestration.SpanId, step.ParentSpanId);
        Assert.Equal(ObsActivitySources.OrchestrationsName, orchestration.Source.Name);
        Assert.Equal("Completed", orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationStatus));
        Assert.Equal(server.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId), orchestration.GetTagItem(AttributeKeys.Obs.OrchestrationInstanceId));
        Assert.Equal(ActivityStatusCode.Ok, step.Status);
        Assert.Equal("compile", step.GetTagItem(AttributeKeys.Build.StepName));
    }

    [Fact]
    public async Task AnyRequest_W3CBaggageAndTracestate_AreExtractedOntoTheServerSpan()
    {
        var client = Traceparent.New();
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "trace-context");
        request.Headers.Add("x-functions-key", ApiServer.Key);
        request.Headers.TryAddWithoutValidation("traceparent", client.Header);
        request.Headers.TryAddWithoutValidation("tracestate", "vendor=abc");
        request.Headers.TryAddWithoutValidation("baggage", "team=obs,ci.run=42");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var server = await ServerTraces.ServerSpanAsync(client.TraceId);
        Assert.Equal("vendor=abc", server.TraceStateString);
        Assert.Contains(new KeyValuePair<string, string?>("team", "obs"), server.Baggage);
        Assert.Contains(new KeyValuePair<string, string?>("ci.run", "42"), server.Baggage);
    }

    [Fact]
    public async Task AnyRequest_KeyInQuery_TheKeyIsInNoAttributeOfTheTrace()
    {
        var client = Traceparent.New();

        using var build = await _server.Client.PostJsonAsync("build?wait=30", Body, KeyIn.Query, client.Header);
        using var status = await _server.Client.GetAsync("trace-context", KeyIn.Query, client.Header);
        using var denied = await _server.Client.SendAsync(HttpMethod.Get, "trace-context?code=" + ApiServer.Key + "-wrong", traceparent: client.Header, key: KeyIn.None);

        Assert.Equal(HttpStatusCode.OK, build.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var spans = await ServerTraces.WaitForAsync(client.TraceId, s => s.Count(ServerTraces.IsServerSpan) == 3 && s.Any(IsOrchestrationSpan));
        Assert.Equal(3, spans.Count(ServerTraces.IsServerSpan));
        Assert.Contains(spans, IsOrchestrationSpan);
        Assert.Contains(spans, s => s.DisplayName == SpanNames.BuildStep("compile"));
        foreach (var span in spans)
        {
            foreach (var (_, value) in span.TagObjects)
            {
                Assert.DoesNotContain(ApiServer.Key, Text(value), StringComparison.Ordinal);
            }

            foreach (var e in span.Events)
            {
                Assert.All(e.Tags, t => Assert.DoesNotContain(ApiServer.Key, Text(t.Value), StringComparison.Ordinal));
            }
        }

        // The query is recorded with every value masked.
        Assert.Contains(spans, s => ServerTraces.IsServerSpan(s) && s.GetTagItem("url.query") is string query && query.Contains("code=", StringComparison.Ordinal));
        var unauthorized = Assert.Single(spans, s => ServerTraces.IsServerSpan(s) && Equals(s.GetTagItem(AttributeKeys.Http.LegacyStatusCode), 401));
        Assert.Equal(new Uri(_server.BaseAddress, "trace-context").ToString(), unauthorized.GetTagItem(AttributeKeys.Http.LegacyUrl));
    }

    [Fact]
    public async Task AnyRequest_ServerSpan_IsNamedByItsRouteWithStatusProtocolAndEveryQueryValueMasked()
    {
        var client = Traceparent.New();

        using var response = await _server.Client.GetAsync("trace-context?team=obs&ref=main", KeyIn.Header, client.Header);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var server = await ServerTraces.ServerSpanAsync(client.TraceId);
        Assert.Equal($"GET {ApiRoutes.TraceContext}", server.DisplayName);
        Assert.Equal(ApiRoutes.TraceContext, server.GetTagItem(AttributeKeys.Http.Route));
        Assert.Equal(200, Convert.ToInt32(server.GetTagItem(AttributeKeys.Http.ResponseStatusCode), CultureInfo.InvariantCulture));
        Assert.Equal("1.1", server.GetTagItem(AttributeKeys.Http.NetworkProtocolVersion));
        Assert.Equal("team=[REDACTED]&ref=[REDACTED]", server.GetTagItem(AttributeKeys.Http.UrlQuery));
        Assert.Equal("http", server.GetTagItem("url.scheme"));
        Assert.Equal(ActivityStatusCode.Unset, server.Status);
    }

    [Fact]
    public async Task AnyRequest_HandlerThrows_ServerSpanIsAnErrorWithTheExceptionAnd500()
    {
        await using var failing = await ApiServer.StartAsync(readiness: _ => throw new InvalidOperationException("readiness broke"));
        var client = Traceparent.New();

        using var response = await failing.Client.GetAsync("health", KeyIn.None, client.Header);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var server = await ServerTraces.ServerSpanAsync(client.TraceId);
        Assert.Equal($"GET {ApiRoutes.Health}", server.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, server.Status);
        Assert.Equal(500, Convert.ToInt32(server.GetTagItem(AttributeKeys.Http.LegacyStatusCode), CultureInfo.InvariantCulture));
        Assert.Equal(typeof(InvalidOperationException).FullName, server.GetTagItem(AttributeKeys.Error.Type));
        var exception = Assert.Single(server.Events, e => e.Name == AttributeKeys.Error.ExceptionEvent);
        Assert.Contains(exception.Tags, t => t.Key == AttributeKeys.Error.ExceptionMessage && Equals(t.Value, "readiness broke"));
    }

    private static bool IsOrchestrationSpan(Activity span) => span.DisplayName == SpanNames.BuildExecute;

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IEnumerable items => string.Join(" ", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
