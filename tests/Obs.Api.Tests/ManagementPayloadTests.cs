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
        string? scheduled = null;
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync("Benchmark", It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((string _, object? _, StartOrchestrationOptions? options, CancellationToken _) => scheduled = options?.InstanceId)
            .ReturnsAsync((string _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
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
        Assert.NotNull(scheduled);
        Assert.Equal($"https://app.example/runtime/webhooks/durabletask/instances/{scheduled}?code=system", http.Response.Headers.Location.ToString());
        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(scheduled, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("purge", body.RootElement.GetProperty("purgeHistoryDeleteUri").GetString());
    }

    [Fact]
    public async Task StartAsync_PayloadCannotBeBuilt_SchedulesNothing()
    {
        var client = new Mock<OrchestrationClient>(MockBehavior.Strict);
        var handlers = new ObsApiHandlers(client.Object, new ObsApiOptions { WorkingRoot = Path.GetTempPath() },
            managementPayload: (_, _) => throw new InvalidOperationException("Failed to create HTTP management payload as base URL is null."));
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = "POST";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"iterations": 3}"""));

        await Assert.ThrowsAsync<InvalidOperationException>(() => handlers.StartAsync(http, handlers.Benchmark));

        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
