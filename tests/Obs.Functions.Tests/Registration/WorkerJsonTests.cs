using System.Text;
using System.Text.Json;
using Azure.Core.Serialization;
using Obs.Api;
using Obs.Functions.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Durable;

namespace Obs.Functions.Tests.Registration;

/// <summary>
/// The worker's serializer (Functions' and so Durable's DataConverter) keeps the orchestrations' JSON
/// contracts, and carries Obs's envelopes, which are JSON elements, verbatim.
/// </summary>
public sealed class WorkerJsonTests
{
    private static readonly OrchestrationRegistry s_registry = ApiOrchestrations.Register(new OrchestrationRegistry());
    private static readonly JsonObjectSerializer s_worker = new(ObsFunctionsServiceCollectionExtensions.JsonOptions(s_registry));

    [Fact]
    public void BuildRequest_RoundTripsWithTheContractsSnakeCaseNames()
    {
        var request = new BuildRequest(
            new BuildDefinition { Name = "app", Steps = [new BuildStepDefinition { Name = "compile", Command = "dotnet build" }] },
            "/work",
            "run-1");

        var json = s_worker.Serialize(request).ToString();
        var back = (BuildRequest)s_worker.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(json)), typeof(BuildRequest), default)!;

        Assert.Contains("\"working_directory\":\"/work\"", json, StringComparison.Ordinal);
        Assert.Contains("\"run_id\":\"run-1\"", json, StringComparison.Ordinal);
        Assert.Equal(s_registry.Serializer.Serialize(request), json);
        Assert.Equal("compile", back.Definition.Steps[0].Name);
        Assert.Equal(request.WorkingDirectory, back.WorkingDirectory);
    }

    [Fact]
    public void PayloadsWithoutAnObsContract_FallBackToReflection() =>
        Assert.Equal("{\"reason\":\"x\"}", s_worker.Serialize(new { reason = "x" }).ToString());

    [Fact]
    public void Envelope_CrossesTheWorkerSerializerVerbatim()
    {
        var input = s_registry.Serializer.Serialize(new BuildRequest(new BuildDefinition { Name = "app" }, "/work"));
        var envelope = ObsEnvelope.Wrap(input, new ObsTraceHeader { Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" });

        var json = s_worker.Serialize(envelope).ToString();
        var back = (JsonElement?)s_worker.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(json)), typeof(JsonElement?), default);

        Assert.Equal(envelope.GetRawText(), json);
        Assert.Equal(input, ObsEnvelope.Read(back).SerializedInput);
    }
}
