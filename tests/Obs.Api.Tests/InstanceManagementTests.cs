using System.Net;
using System.Text.Json;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary>Durable's instance management API: status, terminate, purge, raiseEvent.</summary>
public sealed class InstanceManagementTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private const string Instances = "runtime/webhooks/durabletask/instances/";
    private const string SleepingBuild = """{"steps":[{"name":"nap","type":"command","command":"sleep 30"}],"analyze_dependencies":false}""";
    private const string QuickBuild = """{"steps":[{"name":"quick","type":"command","command":"true"}],"analyze_dependencies":false}""";

    private readonly ApiServer _server = fixture.Server;

    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/terminate")]
    public async Task InstanceRoute_UnknownId_404Problem(string method, string suffix)
    {
        using var response = await _server.Client.SendAsync(new HttpMethod(method), Instances + "no-such-instance" + suffix);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-instance", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusGet_RunningInstance_202WithLocationAndRetryAfter()
    {
        var (id, statusUri) = await StartAsync(SleepingBuild);
        try
        {
            var status = await _server.Client.PollUntilStatusAsync(statusUri, "Running");
            using var response = await _server.Client.GetAsync(statusUri);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(statusUri, response.Headers.Location?.ToString());
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            Assert.Equal(id, status.GetProperty("instanceId").GetString());
            Assert.Equal(JsonValueKind.Object, status.GetProperty("input").ValueKind);
        }
        finally
        {
            using var _ = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/terminate");
        }
    }

    [Fact]
    public async Task TerminatePost_RunningInstance_202ThenTerminatedAndPurgeable()
    {
        var (_, statusUri) = await StartAsync(SleepingBuild);
        await _server.Client.PollUntilStatusAsync(statusUri, "Running");

        using var terminate = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/terminate?reason=enough");

        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        var status = await _server.Client.PollUntilFinishedAsync(statusUri);
        Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
        using var again = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/terminate");
        await again.AssertProblemAsync(HttpStatusCode.Gone);
        using var purge = await _server.Client.SendAsync(HttpMethod.Delete, statusUri);
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
    }

    [Fact]
    public async Task TerminatePost_FinishedInstance_410Problem()
    {
        var (id, statusUri) = await StartAsync(QuickBuild);
        await _server.Client.PollUntilFinishedAsync(statusUri);

        using var response = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/terminate");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Completed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeDelete_FinishedInstance_200OneDeletedThen404()
    {
        var (_, statusUri) = await StartAsync(QuickBuild);
        await _server.Client.PollUntilFinishedAsync(statusUri);

        using var purge = await _server.Client.SendAsync(HttpMethod.Delete, statusUri);
        using var after = await _server.Client.GetAsync(statusUri);

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(1, (await purge.ReadJsonAsync()).GetProperty("instancesDeleted").GetInt32());
        await after.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PurgeDelete_RunningInstance_409Problem()
    {
        var (_, statusUri) = await StartAsync(SleepingBuild);
        try
        {
            using var purge = await _server.Client.SendAsync(HttpMethod.Delete, statusUri);

            await purge.AssertProblemAsync(HttpStatusCode.Conflict);
            using var still = await _server.Client.GetAsync(statusUri);
            Assert.Equal(HttpStatusCode.Accepted, still.StatusCode);
        }
        finally
        {
            using var _ = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/terminate");
        }
    }

    [Fact]
    public async Task RaiseEventPost_AnyInstance_501Problem()
    {
        var (id, statusUri) = await StartAsync(QuickBuild);

        using var response = await _server.Client.SendAsync(HttpMethod.Post, statusUri + "/raiseEvent/approved", ApiClient.Json("{}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotImplemented);
        Assert.Contains("approved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "nope")]
    [InlineData("PUT", "build")]
    [InlineData("GET", "runtime/webhooks/durabletask/instances")]
    public async Task UnknownRoute_WithKey_404Problem(string method, string path)
    {
        using var response = await _server.Client.SendAsync(new HttpMethod(method), path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("/" + path, problem.GetProperty("instance").GetString());
    }

    private async Task<(string Id, string StatusUri)> StartAsync(string build)
    {
        var payload = await _server.Client.StartAsync("build", build);
        return (payload.GetProperty("id").GetString()!, payload.GetProperty("statusQueryGetUri").GetString()!);
    }
}
