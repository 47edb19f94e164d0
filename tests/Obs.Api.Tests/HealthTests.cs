using System.Net;
using Obs.Api.Payloads;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>GET /health</c>: anonymous, the original design's body, 503 when a readiness check fails.</summary>
public sealed class HealthTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task HealthGet_NoKeyNoReadinessChecks_200HealthyWithTimestampAndService()
    {
        using var response = await _server.Client.GetAsync("health", KeyIn.None);

        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.ContentType()?.MediaType);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("obs-api-tests", body.GetProperty("service").GetString());
        var timestamp = body.GetProperty("timestamp").GetDouble();
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 30);
        Assert.False(body.TryGetProperty("checks", out _), "no readiness delegate, no checks");
    }

    [Fact]
    public async Task HealthGet_HealthyReadinessChecks_200WithEveryCheck()
    {
        await using var server = await ApiServer.StartAsync(readiness: _ => Task.FromResult<IReadOnlyDictionary<string, ReadinessCheck>>(
            new Dictionary<string, ReadinessCheck>
            {
                ["engine"] = new(HealthReport.Healthy, "local engine"),
                ["exporters"] = new("none", "tracing is off"),
            }));

        using var response = await server.Client.GetAsync("health", KeyIn.None);

        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("engine").GetProperty("status").GetString());
        Assert.Equal("local engine", checks.GetProperty("engine").GetProperty("detail").GetString());
        Assert.Equal("none", checks.GetProperty("exporters").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthGet_UnhealthyReadinessCheck_503Unhealthy()
    {
        await using var server = await ApiServer.StartAsync(readiness: _ => Task.FromResult<IReadOnlyDictionary<string, ReadinessCheck>>(
            new Dictionary<string, ReadinessCheck>
            {
                ["engine"] = new(HealthReport.Healthy),
                ["database"] = new(HealthReport.Unhealthy, "disk gone"),
            }));

        using var response = await server.Client.GetAsync("health", KeyIn.None);

        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("disk gone", body.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString());
        Assert.True(body.TryGetProperty("timestamp", out _));
        Assert.True(body.TryGetProperty("service", out _));
    }

    [Fact]
    public async Task HealthGet_WrongKey_StillAnswers200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "health?code=wrong"));
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
