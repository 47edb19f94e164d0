using Microsoft.AspNetCore.Http;
using Obs.Api;
using Obs.Api.Payloads;
using Obs.Functions.Functions;

namespace Obs.Functions.Tests.Triggers;

/// <summary>The triggers that start nothing: <c>GET /health</c> and <c>GET /trace-context</c>.</summary>
[Collection(DurableTestHostCollection.Name)]
public sealed class HealthTriggerTests(DurableTestHostFixture fixture)
{
    [Fact]
    public async Task Health_200HealthyWithTheServiceName()
    {
        var http = TriggerRequest.Get(ApiRoutes.Health);

        var response = await (await fixture.Api.Health(http.Request, fixture.Host.Client)).RespondAsync(http);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(HealthReport.Healthy, response.Body.GetProperty("status").GetString());
        Assert.Equal("test", response.Body.GetProperty("service").GetString());
    }

    [Fact]
    public async Task TraceContext_200WithATraceparent()
    {
        var http = TriggerRequest.Get(ApiRoutes.TraceContext);

        var response = await HttpApi.TraceContext(http.Request).RespondAsync(http);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.StartsWith("00-", response.Body.GetProperty("trace_context").GetProperty("traceparent").GetString(), StringComparison.Ordinal);
    }
}
