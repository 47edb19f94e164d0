using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Obs.Api.Payloads;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>GET /trace-context</c>: the request's own server span; a bad or missing <c>traceparent</c> starts a new trace.</summary>
public sealed partial class TraceContextTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private const string ZeroTraceId = "00000000000000000000000000000000";

    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task TraceContextGet_WithTraceparent_SameTraceIdAndTheServerSpansId()
    {
        var client = Traceparent.New();

        using var response = await _server.Client.GetAsync("trace-context", traceparent: client.Header);

        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.TraceId.ToHexString(), body.GetProperty("trace_id").GetString());
        var spanId = body.GetProperty("span_id").GetString();
        Assert.NotEqual(client.SpanId.ToHexString(), spanId);
        Assert.Equal(1, body.GetProperty("trace_flags").GetInt32());
        var traceparent = body.GetProperty("trace_context").GetProperty("traceparent").GetString()!;
        Assert.Matches(TraceparentPattern(), traceparent);
        Assert.Equal($"00-{client.TraceId.ToHexString()}-{spanId}-01", traceparent);

        var server = await ServerTraces.ServerSpanAsync(client.TraceId);
        Assert.Equal(server.SpanId.ToHexString(), spanId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
    }

    [Fact]
    public async Task TraceContextGet_WithTracestate_EchoesIt()
    {
        var client = Traceparent.New();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "trace-context"));
        request.Headers.Add("x-functions-key", ApiServer.Key);
        request.Headers.TryAddWithoutValidation("traceparent", client.Header);
        request.Headers.TryAddWithoutValidation("tracestate", "vendor=abc");
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null });

        using var response = await http.SendAsync(request);

        var headers = (await response.ReadJsonAsync()).GetProperty("trace_context");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vendor=abc", headers.GetProperty("tracestate").GetString());
        Assert.Contains(client.TraceId.ToHexString(), headers.GetProperty("traceparent").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-0123456789abcdef-01")]
    [InlineData("00-00000000000000000000000000000000-0123456789abcdef-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")]
    [InlineData("garbage")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c")]
    public async Task TraceContextGet_InvalidTraceparent_200WithANewRandomTrace(string invalid)
    {
        using var first = await _server.Client.GetAsync("trace-context", traceparent: invalid);
        using var second = await _server.Client.GetAsync("trace-context", traceparent: invalid);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var one = await first.ReadJsonAsync();
        var two = await second.ReadJsonAsync();
        var traceId = one.GetProperty("trace_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.NotEqual(ZeroTraceId, traceId);
        Assert.DoesNotContain(traceId, invalid, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{16}$", one.GetProperty("span_id").GetString()!);
        Assert.NotEqual("0000000000000000", one.GetProperty("span_id").GetString());
        Assert.Matches(TraceparentPattern(), one.GetProperty("trace_context").GetProperty("traceparent").GetString()!);
        Assert.NotEqual(traceId, two.GetProperty("trace_id").GetString());
    }

    [Fact]
    public async Task TraceContextGet_NoTraceparent_ANewTraceEachTime()
    {
        using var first = await _server.Client.GetAsync("trace-context");
        using var second = await _server.Client.GetAsync("trace-context");

        var one = (await first.ReadJsonAsync()).GetProperty("trace_id").GetString()!;
        var two = (await second.ReadJsonAsync()).GetProperty("trace_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.NotEqual(ZeroTraceId, one);
        Assert.NotEqual(one, two);
        var server = await ServerTraces.ServerSpanAsync(ActivityTraceId.CreateFromString(one));
        Assert.Equal(default, server.ParentSpanId);
    }

    [Fact]
    public void TraceContext_NoCurrentActivity_RandomIdsAndNoFlags()
    {
        var saved = Activity.Current;
        Activity.Current = null;
        try
        {
            var report = Report(ObsApiHandlers.TraceContext(new DefaultHttpContext()));

            Assert.Matches("^[0-9a-f]{32}$", report.TraceId);
            Assert.NotEqual(ZeroTraceId, report.TraceId);
            Assert.Equal(0, report.TraceFlags);
            Assert.Equal($"00-{report.TraceId}-{report.SpanId}-00", report.TraceContext.Traceparent);
        }
        finally
        {
            Activity.Current = saved;
        }
    }

    [Fact]
    public void TraceContext_HierarchicalCurrentActivity_StillAValidW3CTraceparent()
    {
        var saved = Activity.Current;
        using var hierarchical = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        hierarchical.SetIdFormat(ActivityIdFormat.Hierarchical);
        hierarchical.SetParentId("00-zzzz-not-w3c");
        hierarchical.Start();
        try
        {
            var report = Report(ObsApiHandlers.TraceContext(new DefaultHttpContext()));

            Assert.NotEqual(ZeroTraceId, report.TraceId);
            Assert.Matches(TraceparentPattern(), report.TraceContext.Traceparent);
            Assert.DoesNotMatch("^00-0{32}-", report.TraceContext.Traceparent);
        }
        finally
        {
            hierarchical.Stop();
            Activity.Current = saved;
        }
    }

    private static TraceContextReport Report(IResult result) => Assert.IsType<JsonHttpResult<TraceContextReport>>(result).Value!;

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceparentPattern();
}
