using System.Diagnostics;
using System.Net;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>?wait=SECONDS</c> on a starting route: 200 with the status when done in time, else the usual 202.</summary>
public sealed class WaitQueryTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_WaitLongEnough_200WithCompletedStatus()
    {
        using var response = await _server.Client.PostJsonAsync("build?wait=30", """{"steps":[{"name":"quick","type":"command","command":"echo done"}],"analyze_dependencies":false}""");

        var status = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.ContentType()?.MediaType);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean());
        Assert.False(status.TryGetProperty("input", out _), "a waited-for status shows no input");
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("100000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task BuildPost_BadWait_400NamingWait(string wait)
    {
        using var response = await _server.Client.PostJsonAsync("build?wait=" + wait, """{"steps":[{"name":"never","type":"command","command":"true"}]}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["wait"], errors.Keys);
        Assert.Contains(wait, errors["wait"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPost_WaitShorterThanTheBuild_202AfterTheWait()
    {
        var clock = Stopwatch.StartNew();

        using var response = await _server.Client.PostJsonAsync("build?wait=0.5", """{"steps":[{"name":"slow","type":"command","command":"sleep 5"}],"analyze_dependencies":false}""");

        var payload = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(4));
        Assert.Equal(payload.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location?.ToString());
        using var terminate = await _server.Client.SendAsync(HttpMethod.Post, payload.GetProperty("statusQueryGetUri").GetString() + "/terminate");
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
    }
}
