using System.Net;
using Obs.Api.Tests.Hosting;
using Obs.Orchestrations.Build;

namespace Obs.Api.Tests;

/// <summary><c>POST /build</c>: 202 and Durable's management payload, then the status API until the build is done.</summary>
public sealed class BuildRouteTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private const string Instances = "runtime/webhooks/durabletask/instances/";
    private const string EchoBuild = """{"name":"api-build","steps":[{"name":"hello","type":"command","command":"echo hi"}],"analyze_dependencies":false}""";

    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_GoodBody_202WithLocationRetryAfterAndManagementPayload()
    {
        using var response = await _server.Client.PostJsonAsync("build", EchoBuild);

        var payload = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = payload.GetProperty("id").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(id));
        var status = payload.GetProperty("statusQueryGetUri").GetString()!;
        var instance = new Uri(_server.BaseAddress, Instances + Uri.EscapeDataString(id)).ToString();
        Assert.Equal(instance, status);
        Assert.Equal(status, response.Headers.Location?.ToString());
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(instance + "/raiseEvent/{eventName}", payload.GetProperty("sendEventPostUri").GetString());
        Assert.Equal(instance + "/terminate?reason={text}", payload.GetProperty("terminatePostUri").GetString());
        Assert.Equal(instance, payload.GetProperty("purgeHistoryDeleteUri").GetString());
    }

    [Fact]
    public async Task BuildPost_GoodBody_StatusEventuallyCompletedWithSuccess()
    {
        var payload = await _server.Client.StartAsync("build", EchoBuild);

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(BuildOrchestration.Name, status.GetProperty("name").GetString());
        Assert.Equal(payload.GetProperty("id").GetString(), status.GetProperty("instanceId").GetString());
        var output = status.GetProperty("output");
        Assert.True(output.GetProperty("success").GetBoolean(), output.ToString());
        Assert.Equal("api-build", output.GetProperty("name").GetString());
        var step = Assert.Single(output.GetProperty("steps").EnumerateArray());
        Assert.Equal("hello", step.GetProperty("name").GetString());
        Assert.Equal("succeeded", step.GetProperty("status").GetString());
        Assert.True(status.GetProperty("lastUpdatedTime").GetDateTimeOffset() >= status.GetProperty("createdTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task StatusGet_DefaultAndShowInputFalse_InputShownThenHidden()
    {
        var payload = await _server.Client.StartAsync("build", EchoBuild);
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        await _server.Client.PollUntilFinishedAsync(statusUri);

        using var shown = await _server.Client.GetAsync(statusUri);
        using var hidden = await _server.Client.GetAsync(statusUri + "?showInput=false");

        var input = (await shown.ReadJsonAsync()).GetProperty("input");
        Assert.Equal("hello", input.GetProperty("definition").GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.Equal(_server.WorkingRoot, input.GetProperty("working_directory").GetString());
        var body = await hidden.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.False(body.TryGetProperty("input", out _), body.ToString());
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task BuildPost_FailingStep_CompletedWithSuccessFalseAnd500WhenAskedFor()
    {
        var payload = await _server.Client.StartAsync("build", """{"steps":[{"name":"bad","type":"command","command":"false"}],"analyze_dependencies":false}""");
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;

        var status = await _server.Client.PollUntilFinishedAsync(statusUri);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.False(status.GetProperty("output").GetProperty("success").GetBoolean());
        Assert.Equal("failed", status.GetProperty("output").GetProperty("steps")[0].GetProperty("status").GetString());
        // A failed build is a completed instance: returnInternalServerErrorOnFailure only turns Failed instances into 500.
        using var again = await _server.Client.GetAsync(statusUri + "?returnInternalServerErrorOnFailure=true");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task BuildPost_EmptyBodyWithoutDefaultBuild_400NamingSteps()
    {
        using var response = await _server.Client.SendAsync(HttpMethod.Post, "build", new StringContent(" \n"));

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["steps"], errors.Keys);
    }

    [Fact]
    public async Task BuildPost_NoBodyWithDefaultBuild_202AndTheDefaultRuns()
    {
        await using var server = await ApiServer.StartAsync(o => o.DefaultBuild = new BuildDefinition
        {
            Name = "configured",
            AnalyzeDependencies = false,
            Steps = [new BuildStepDefinition { Name = "default-step", Type = BuildStepTypes.Command, Command = "true" }],
        });

        using var response = await server.Client.SendAsync(HttpMethod.Post, "build");

        var payload = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("configured", status.GetProperty("output").GetProperty("name").GetString());
        Assert.Equal("default-step", status.GetProperty("output").GetProperty("steps")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task BuildPost_ProjectPathInsideRoot_202()
    {
        Directory.CreateDirectory(Path.Combine(_server.WorkingRoot, "sub"));

        var payload = await _server.Client.StartAsync("build", """{"project_path":"sub","steps":[{"name":"pwd","type":"command","command":"true","working_dir":"."}],"analyze_dependencies":false}""");

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);
        Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean());
    }
}
