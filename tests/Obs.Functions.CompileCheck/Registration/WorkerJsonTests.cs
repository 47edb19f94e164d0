using Azure.Core.Serialization;
using Obs.Api;
using Obs.Functions.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;

namespace Obs.Functions.CompileCheck.Registration;

/// <summary>The worker's serializer (Durable's DataConverter) keeps the orchestrations' JSON contracts.</summary>
public sealed class WorkerJsonTests
{
    private static readonly OrchestrationRegistry s_registry = ApiOrchestrations.Register(new OrchestrationRegistry());

    [Fact]
    public void BuildRequest_RoundTripsWithTheContractsSnakeCaseNames()
    {
        var serializer = new JsonObjectSerializer(ObsFunctionsServiceCollectionExtensions.JsonOptions(s_registry));
        var request = new BuildRequest(
            new BuildDefinition { Name = "app", Steps = [new BuildStepDefinition { Name = "compile", Command = "dotnet build" }] },
            "/work",
            "run-1");

        var json = serializer.Serialize(request).ToString();
        var back = (BuildRequest)serializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), typeof(BuildRequest), default)!;

        Assert.Contains("\"working_directory\":\"/work\"", json, StringComparison.Ordinal);
        Assert.Contains("\"run_id\":\"run-1\"", json, StringComparison.Ordinal);
        Assert.Equal(s_registry.Serializer.Serialize(request), json);
        Assert.Equal("compile", back.Definition.Steps[0].Name);
        Assert.Equal(request.WorkingDirectory, back.WorkingDirectory);
    }

    [Fact]
    public void PayloadsWithoutAnObsContract_FallBackToReflection()
    {
        var serializer = new JsonObjectSerializer(ObsFunctionsServiceCollectionExtensions.JsonOptions(s_registry));

        Assert.Equal("{\"reason\":\"x\"}", serializer.Serialize(new { reason = "x" }).ToString());
    }
}
