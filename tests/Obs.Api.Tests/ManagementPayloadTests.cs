using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Obs.Api.Payloads;
using Obs.Orchestrations;

namespace Obs.Api.Tests;

/// <summary>The management payload is the host's to build: Functions hands in Durable's (URLs with the system key).</summary>
public sealed class ManagementPayloadTests
{
    [Fact]
    public async Task StartAsync_HostSuppliedPayload_AnswersWithItAndItsStatusUrlAsLocation()
    {
        var client = new Mock<OrchestrationClient>();
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync("Benchmark", It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("instance-1");
        var handlers = new ObsApiHandlers(client.Object, new ObsApiOptions { WorkingRoot = Path.GetTempPath() }, managementPayload: (_, id) => new ManagementPayload
        {
            Id = id,
            StatusQueryGetUri = $"https://app.example/runtime/webhooks/durabletask/instances/{id}?code=system",
            SendEventPostUri = "send",
            TerminatePostUri = "terminate",
            PurgeHistoryDeleteUri = "purge",
        });
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = "POST";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"iterations": 3}"""));
        http.Response.Body = new MemoryStream();

        await (await handlers.StartAsync(http, handlers.Benchmark)).ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status202Accepted, http.Response.StatusCode);
        Assert.Equal("https://app.example/runtime/webhooks/durabletask/instances/instance-1?code=system", http.Response.Headers.Location.ToString());
        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal("instance-1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("purge", body.RootElement.GetProperty("purgeHistoryDeleteUri").GetString());
    }
}
