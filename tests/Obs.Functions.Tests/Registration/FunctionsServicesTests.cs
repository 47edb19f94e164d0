using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Functions.Hosting;
using Obs.Orchestrations;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;

namespace Obs.Functions.Tests.Registration;

/// <summary>The worker creates each function class from its services: what AddObsFunctions registers must be enough.</summary>
public sealed class FunctionsServicesTests
{
    [Theory]
    [InlineData(typeof(HttpApi))]
    [InlineData(typeof(Orchestrators))]
    [InlineData(typeof(Activities))]
    public void EveryFunctionClass_IsCreatedFromTheWorkersServices(Type functionClass)
    {
        using var services = Services(new Dictionary<string, string?>());

        Assert.IsType(functionClass, ActivatorUtilities.CreateInstance(services, functionClass));
    }

    [Fact]
    public void AddObsFunctions_ApiOptionsLeaveKeysToTheHostAndTakeTheServiceName()
    {
        using var services = Services(new Dictionary<string, string?>());

        var options = services.GetRequiredService<ObsApiOptions>();
        Assert.False(options.RequireFunctionKey);
        Assert.Equal("functions-test", options.ServiceName);
        Assert.Equal(Directory.GetCurrentDirectory(), options.WorkingRoot);
    }

    [Fact]
    public void AddObsFunctions_WorkingRootSetting_IsTheFullPath()
    {
        using var services = Services(new Dictionary<string, string?> { [ObsFunctionsServiceCollectionExtensions.WorkingRootSetting] = "builds/../work" });

        Assert.Equal(Path.GetFullPath("work"), services.GetRequiredService<ObsApiOptions>().WorkingRoot);
    }

    [Fact]
    public void AddObsFunctions_RegistersTheApisOrchestrationsAndTheWorkersSerializer()
    {
        using var services = Services(new Dictionary<string, string?>());

        var registry = services.GetRequiredService<OrchestrationRegistry>();
        var expected = ApiOrchestrations.Register(new OrchestrationRegistry());
        Assert.Equal(expected.OrchestratorNames.Order(StringComparer.Ordinal), registry.OrchestratorNames.Order(StringComparer.Ordinal));
        Assert.Equal(expected.ActivityNames.Order(StringComparer.Ordinal), registry.ActivityNames.Order(StringComparer.Ordinal));
        Assert.IsType<JsonObjectSerializer>(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer);
    }

    private static ServiceProvider Services(IReadOnlyDictionary<string, string?> environment) =>
        new ServiceCollection()
            .AddObsFunctions(new ObsTelemetryOptions { ServiceName = "functions-test" }, environment, new StartupRecorder())
            .BuildServiceProvider();
}
