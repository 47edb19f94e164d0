using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>POST /startup</c>: how long a program takes to become ready; always stopped afterwards.</summary>
public sealed class StartupRouteTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task StartupPost_EmptyBody_400NamingCommandAndReady()
    {
        using var response = await _server.Client.SendAsync(HttpMethod.Post, "startup");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["command", "ready"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartupPost_EmptyObject_400NamingCommandAndReady()
    {
        using var response = await _server.Client.PostJsonAsync("startup", "{}");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["command", "ready"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartupPost_LogRegexReady_CompletedWithReadyTrue()
    {
        var payload = await _server.Client.StartAsync("startup", """{"command":["sh","-c","echo ready; sleep 30"],"ready":{"log_regex":"ready"},"timeout_seconds":10}""");

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var output = status.GetProperty("output");
        Assert.True(output.GetProperty("ready").GetBoolean(), output.ToString());
        Assert.True(output.GetProperty("time_to_ready_ms").GetDouble() >= 0);
        Assert.False(output.TryGetProperty("still_running", out var running) && running.GetBoolean(), "the program is stopped after the probe");
        Assert.False(status.GetProperty("input").GetProperty("keep_running").GetBoolean());
    }

    [Fact]
    public async Task StartupPost_KeepRunning_400UnknownField()
    {
        using var response = await _server.Client.PostJsonAsync("startup", """{"command":["true"],"ready":{"log_regex":"x"},"keep_running":true}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["keep_running"], errors.Keys);
    }

    [Theory]
    [InlineData("""{"command":["true"],"ready":{}}""")]
    [InlineData("""{"command":["true"],"ready":{"port":70000}}""")]
    [InlineData("""{"command":["true"],"ready":{"log_regex":"("}}""")]
    [InlineData("""{"command":["true"],"ready":{"log_regex":"x"},"timeout_seconds":0}""")]
    [InlineData("""{"command":[],"ready":{"log_regex":"x"}}""")]
    public async Task StartupPost_InvalidProbe_400(string body)
    {
        using var response = await _server.Client.PostJsonAsync("startup", body);

        await response.AssertInvalidAsync();
    }
}
