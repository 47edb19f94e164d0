using System.Net;
using Obs.Api.Tests.Hosting;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;

namespace Obs.Api.Tests;

/// <summary>A build started over HTTP (what <c>obs serve</c> and Functions run) records its metrics, once.</summary>
public sealed class BuildMetricsTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_WaitedFor_RecordsOneRunTaggedWithThePipeline()
    {
        var pipeline = "api-metrics-" + Guid.NewGuid().ToString("N");
        using var metrics = new ObsMetricCollector();

        using var response = await _server.Client.PostJsonAsync(
            $"{ApiRoutes.Build.TrimStart('/')}?{ApiRoutes.WaitQuery}=30",
            $$"""{"name":"{{pipeline}}","steps":[{"name":"quick","type":"command","command":"true"}],"analyze_dependencies":false}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(metrics.Of(ObsInstruments.BuildRunsName, AttributeKeys.Cicd.PipelineName, pipeline));
        Assert.Single(metrics.Of(ObsInstruments.BuildSucceededName, AttributeKeys.Cicd.PipelineName, pipeline));
    }
}
