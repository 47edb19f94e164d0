using Obs.Api;
using Obs.Orchestrations;

namespace Obs.Functions.Tests.Triggers;

/// <summary>A start whose management payload cannot be built schedules nothing: the caller could not be told where it is.</summary>
[Collection(DurableTestHostCollection.Name)]
public sealed class ManagementPayloadFailureTests(DurableTestHostFixture fixture)
{
    [Fact]
    public async Task StartAsync_PayloadBuilderThrows_TheErrorSurfacesAndNoInstanceExists()
    {
        string? chosenId = null;
        var handlers = new ObsApiHandlers(fixture.Client, fixture.Options, managementPayload: (_, id) =>
        {
            chosenId = id;
            throw new InvalidOperationException("No base URL for the management payload.");
        });
        var http = TriggerRequest.Post(ApiRoutes.Build, BuildBodies.Echo);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => handlers.StartAsync(http, handlers.Build));

        Assert.Contains("management payload", thrown.Message, StringComparison.Ordinal);
        Assert.NotNull(chosenId);
        Assert.Null(await fixture.Host.Client.GetInstanceAsync(chosenId));
        var page = await fixture.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = chosenId });
        Assert.Empty(page.Instances);
    }
}
