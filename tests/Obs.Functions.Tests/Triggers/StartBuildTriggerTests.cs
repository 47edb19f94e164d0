using System.Text;
using Microsoft.AspNetCore.Http;
using Obs.Api;
using Obs.Api.Http;
using Obs.Functions.Functions;
using Obs.Orchestrations.Build;
using DurableStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;

namespace Obs.Functions.Tests.Triggers;

/// <summary>
/// <c>POST /build</c> through the app's trigger over the Durable test host: 202 with the management payload of an
/// instance Durable really runs, the status API until it is done, <c>?wait=</c>, and the 400/413 refusals.
/// </summary>
[Collection(DurableTestHostCollection.Name)]
public sealed class StartBuildTriggerTests(DurableTestHostFixture fixture)
{
    [Fact]
    public async Task StartBuild_GoodBody_202WithLocationAndThePayloadOfAnInstanceDurableRuns()
    {
        var http = TriggerRequest.Post(ApiRoutes.Build, BuildBodies.Echo);

        var response = await (await fixture.Api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        var id = response.Body.GetProperty("id").GetString()!;
        var status = $"http://localhost{ApiRoutes.InstancesPrefix}/{id}";
        Assert.Equal(status, response.Body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(status, response.Headers.Location.ToString());
        Assert.Equal(ApiRoutes.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.RetryAfter.ToString());
        Assert.Equal(status + "/raiseEvent/{eventName}", response.Body.GetProperty("sendEventPostUri").GetString());
        Assert.Equal(status + "/terminate?reason={text}", response.Body.GetProperty("terminatePostUri").GetString());
        Assert.Equal(status, response.Body.GetProperty("purgeHistoryDeleteUri").GetString());

        var instance = await fixture.Host.Client.GetInstanceAsync(id);
        Assert.NotNull(instance);
        Assert.Equal(BuildOrchestration.Name, instance.Name);
        using var patience = new CancellationTokenSource(DurableTestHostFixture.Patience);
        var finished = await fixture.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
        Assert.Equal(DurableStatus.Completed, finished.RuntimeStatus);
    }

    [Fact]
    public async Task StatusHandler_202WhileTheBuildRuns_200WithItsResultWhenDone()
    {
        var id = await StartAsync(BuildBodies.Slow);

        var running = await StatusAsync(id);
        var done = await PollUntilFinishedAsync(id);

        Assert.Equal(StatusCodes.Status202Accepted, running.StatusCode);
        Assert.Equal(ManagementUrls.Status(TriggerRequest.Get("/").Request, id), running.Headers.Location.ToString());
        Assert.Contains(running.Body.GetProperty("runtimeStatus").GetString(), new[] { "Pending", "Running" });
        Assert.Equal(StatusCodes.Status200OK, done.StatusCode);
        Assert.Equal("Completed", done.Body.GetProperty("runtimeStatus").GetString());
        Assert.Equal(BuildOrchestration.Name, done.Body.GetProperty("name").GetString());
        Assert.Equal(id, done.Body.GetProperty("instanceId").GetString());
        var output = done.Body.GetProperty("output");
        Assert.True(output.GetProperty("success").GetBoolean(), output.ToString());
        Assert.Equal("slow", output.GetProperty("name").GetString());
        var step = Assert.Single(output.GetProperty("steps").EnumerateArray());
        Assert.Equal(("nap", "succeeded"), (step.GetProperty("name").GetString(), step.GetProperty("status").GetString()));
        // The input shown is the caller's build request, not Obs's envelope around it.
        var input = done.Body.GetProperty("input");
        Assert.Equal(fixture.Options.WorkingRoot, input.GetProperty("working_directory").GetString());
        Assert.False(input.TryGetProperty("$obs", out _), input.ToString());
    }

    [Fact]
    public async Task StartBuild_Wait30_200WithTheBuildResult()
    {
        var http = TriggerRequest.Post(ApiRoutes.Build, BuildBodies.Echo, "?wait=30");

        var response = await (await fixture.Api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("Completed", response.Body.GetProperty("runtimeStatus").GetString());
        var output = response.Body.GetProperty("output");
        Assert.True(output.GetProperty("success").GetBoolean(), output.ToString());
        Assert.Equal("hello", output.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.False(response.Body.TryGetProperty("input", out _), "?wait= answers without the input");
    }

    [Fact]
    public async Task StartBuild_InvalidBody_400ProblemListingEveryProblemAndNothingScheduled()
    {
        var http = TriggerRequest.Post(ApiRoutes.Build, """{"steps":[{"name":1,"type":"command","command":"true","timeout":"soon"}],"analyze_dependencies":"yes","colour":"blue"}""");

        var response = await (await fixture.Api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(ApiResults.ProblemContentType, response.ContentType);
        Assert.Equal(400, response.Body.GetProperty("status").GetInt32());
        Assert.Equal(ApiRoutes.Build, response.Body.GetProperty("instance").GetString());
        Assert.Equal(["analyze_dependencies", "colour", "steps[0].name", "steps[0].timeout"], response.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(response.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartBuild_BodyOverTheLimit_413Problem(bool declareLength)
    {
        const int limit = 256;
        var api = new HttpApi(new ObsApiOptions { ServiceName = "test", RequireFunctionKey = false, WorkingRoot = fixture.Options.WorkingRoot, MaxRequestBodyBytes = limit }, fixture.Registry);
        var body = $$"""{"name":"{{new string('x', 2 * limit)}}","steps":[{"name":"a","type":"command","command":"true"}]}""";
        var http = TriggerRequest.Create(HttpMethods.Post, ApiRoutes.Build, body, declareLength: declareLength);

        var response = await (await api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.StatusCode);
        Assert.Equal(ApiResults.ProblemContentType, response.ContentType);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(body) > limit);
    }

    [Theory]
    [InlineData(nameof(HttpApi.StartBuild), ApiRoutes.Build)]
    [InlineData(nameof(HttpApi.StartTest), ApiRoutes.Test)]
    [InlineData(nameof(HttpApi.StartBenchmark), ApiRoutes.Benchmark)]
    [InlineData(nameof(HttpApi.StartStartup), ApiRoutes.Startup)]
    public async Task StartingTrigger_BodyNotAnObject_400AtTheRoot(string trigger, string route)
    {
        var http = TriggerRequest.Post(route, "[]");
        var api = fixture.Api;
        Func<HttpRequest, Microsoft.DurableTask.Client.DurableTaskClient, Task<Microsoft.AspNetCore.Mvc.IActionResult>> start = trigger switch
        {
            nameof(HttpApi.StartBuild) => api.StartBuild,
            nameof(HttpApi.StartTest) => api.StartTest,
            nameof(HttpApi.StartBenchmark) => api.StartBenchmark,
            _ => api.StartStartup,
        };

        var response = await (await start(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["$"], response.Errors.Keys);
    }

    private async Task<string> StartAsync(string body)
    {
        var http = TriggerRequest.Post(ApiRoutes.Build, body);
        var response = await (await fixture.Api.StartBuild(http.Request, fixture.Host.Client)).RespondAsync(http);
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        return response.Body.GetProperty("id").GetString()!;
    }

    private async Task<TriggerResponse> StatusAsync(string id)
    {
        var http = TriggerRequest.Get($"{ApiRoutes.InstancesPrefix}/{id}");
        return await (await fixture.Handlers.GetStatusAsync(http, id)).RespondAsync(http);
    }

    private async Task<TriggerResponse> PollUntilFinishedAsync(string id)
    {
        using var patience = new CancellationTokenSource(DurableTestHostFixture.Patience);
        while (true)
        {
            var status = await StatusAsync(id);
            if (status.StatusCode != StatusCodes.Status202Accepted)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
