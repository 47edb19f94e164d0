using System.Net;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary>Function keys as Azure Functions checks them: <c>x-functions-key</c> or <c>?code=</c>, on every route but <c>/health</c>.</summary>
public sealed class FunctionKeyTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private const string Instances = "runtime/webhooks/durabletask/instances";
    private const string BuildBody = """{"steps":[{"name":"ok","type":"command","command":"true"}],"analyze_dependencies":false}""";

    private readonly ApiServer _server = fixture.Server;

    [Theory]
    [InlineData("GET", "trace-context")]
    [InlineData("POST", "build")]
    [InlineData("POST", "test")]
    [InlineData("POST", "benchmark")]
    [InlineData("POST", "startup")]
    [InlineData("GET", Instances + "/some-id")]
    [InlineData("DELETE", Instances + "/some-id")]
    [InlineData("POST", Instances + "/some-id/terminate")]
    [InlineData("POST", Instances + "/some-id/raiseEvent/done")]
    [InlineData("GET", "no/such/route")]
    public async Task AnyRouteButHealth_NoKey_401Problem(string method, string path)
    {
        using var response = await _server.Client.SendAsync(new HttpMethod(method), path, method == "POST" ? ApiClient.Json("{}") : null, KeyIn.None);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("x-functions-key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/" + path, problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task TraceContextGet_WrongKeyInHeader_401NamingTheKeyInvalid()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "trace-context"));
        request.Headers.Add("x-functions-key", ApiServer.Key + "x");
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceContextGet_WrongKeyInQuery_401()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_server.BaseAddress, "trace-context?code=" + ApiServer.Key[..^1]));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TraceContextGet_WrongKeyInHeaderRightKeyInQuery_401BecauseTheHeaderWins()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "trace-context?code=" + ApiServer.Key));
        request.Headers.Add("x-functions-key", "wrong");
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(KeyIn.Header)]
    [InlineData(KeyIn.Query)]
    public async Task TraceContextGet_ValidKey_200(KeyIn key)
    {
        using var response = await _server.Client.GetAsync("trace-context", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(32, (await response.ReadJsonAsync()).GetProperty("trace_id").GetString()!.Length);
    }

    [Fact]
    public async Task BuildPost_KeyInQuery_ManagementUrlsCarryTheCode()
    {
        using var response = await _server.Client.PostJsonAsync("build", BuildBody, KeyIn.Query);

        var payload = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        foreach (var name in ManagementUrlNames)
        {
            var url = payload.GetProperty(name).GetString()!;
            Assert.Contains("code=" + ApiServer.Key, url, StringComparison.Ordinal);
        }

        Assert.Contains("code=" + ApiServer.Key, response.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The URLs work as given, without the header.
        using var http = new HttpClient();
        using var status = await http.GetAsync(payload.GetProperty("statusQueryGetUri").GetString());
        Assert.True(status.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"status answered {(int)status.StatusCode}");
    }

    [Fact]
    public async Task BuildPost_KeyInHeader_ManagementUrlsCarryNoCode()
    {
        using var response = await _server.Client.PostJsonAsync("build", BuildBody, KeyIn.Header);

        var payload = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        foreach (var name in ManagementUrlNames)
        {
            Assert.DoesNotContain("code=", payload.GetProperty(name).GetString()!, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ApiServer.Key, payload.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthGet_TrailingSlashWithoutKey_200()
    {
        using var response = await _server.Client.SendAsync(HttpMethod.Get, "health/", null, KeyIn.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthLookalikePath_WithoutKey_401()
    {
        using var response = await _server.Client.SendAsync(HttpMethod.Get, "healthz", null, KeyIn.None);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task HealthPath_OtherMethodWithoutKey_NoHandlerRuns(string method)
    {
        using var response = await _server.Client.SendAsync(new HttpMethod(method), "health", null, KeyIn.None);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} /health answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task TraceContextGet_NoKeysConfigured_401EvenWithAKey()
    {
        await using var server = await ApiServer.StartAsync(o => o.ApiKeys = []);

        using var response = await server.Client.GetAsync("trace-context", KeyIn.Header);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TraceContextGet_KeysNotRequired_200WithoutKey()
    {
        await using var server = await ApiServer.StartAsync(o => o.RequireFunctionKey = false);

        using var response = await server.Client.GetAsync("trace-context", KeyIn.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static readonly string[] ManagementUrlNames = ["statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri"];
}
