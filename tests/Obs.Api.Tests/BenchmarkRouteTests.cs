using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>POST /benchmark</c>: iterations of a command, a URL or Obs' own tracing, with latency statistics.</summary>
public sealed class BenchmarkRouteTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BenchmarkPost_BuiltinTarget_CompletedWithStatistics()
    {
        var payload = await _server.Client.StartAsync("benchmark", """{"iterations":5,"warmup":1,"target":{"spans_per_iteration":10}}""");

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var output = status.GetProperty("output");
        Assert.Equal("builtin", output.GetProperty("kind").GetString());
        Assert.Equal(5, output.GetProperty("iterations").GetInt32());
        Assert.Equal(1, output.GetProperty("warmup").GetInt32());
        var statistics = output.GetProperty("statistics");
        Assert.Equal(5, statistics.GetProperty("count").GetInt32());
        Assert.True(statistics.GetProperty("p50_ms").GetDouble() >= 0);
        Assert.True(statistics.GetProperty("max_ms").GetDouble() >= statistics.GetProperty("min_ms").GetDouble());
    }

    [Fact]
    public async Task BenchmarkPost_WaitLongEnough_200WithStatistics()
    {
        using var response = await _server.Client.PostJsonAsync("benchmark?wait=30", """{"iterations":2,"warmup":0,"target":{"kind":"builtin","spans_per_iteration":1}}""");

        var status = await response.ReadJsonAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, status.GetProperty("output").GetProperty("statistics").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("""{"iterations":0}""", "iterations")]
    [InlineData("""{"warmup":-1}""", "warmup")]
    [InlineData("""{"target":{"kind":"nope"}}""", "nope")]
    [InlineData("""{"target":{"kind":"url","url":"ftp://x"}}""", "url")]
    [InlineData("""{"target":{"kind":"command"}}""", "command")]
    public async Task BenchmarkPost_InvalidRequest_400(string body, string expected)
    {
        using var response = await _server.Client.PostJsonAsync("benchmark", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Contains(errors.Values.SelectMany(m => m), m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchmarkPost_WrongTypes_400ByPath()
    {
        using var response = await _server.Client.PostJsonAsync("benchmark", """{"iterations":"5","warmup":1.5,"target":{"kind":3,"command":"sh"}}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["iterations", "target.command", "target.kind", "warmup"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
