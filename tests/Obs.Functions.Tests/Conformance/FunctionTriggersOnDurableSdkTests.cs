using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Testing;
using Moq;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Durable;
using Obs.Telemetry.Catalog;
using Obs.Testing;
using Obs.Testing.Tracing;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// The Functions app's own trigger methods (<see cref="Orchestrators"/>, <see cref="Activities"/>), registered
/// as they are on the plain Durable Task SDK: the orchestrator reads its input from a context that is not
/// Functions' own (where a typed <c>GetInput</c> once failed with InvalidCastException), and the build
/// completes with Obs's trace.
/// </summary>
public sealed class FunctionTriggersOnDurableSdkTests
{
    [Fact]
    public async Task Build_ThroughTheFunctionsTriggerMethods_CompletesWithItsTraceOnThePlainSdk()
    {
        var registry = ApiOrchestrations.Register(new OrchestrationRegistry());
        var runner = new DurableOrchestrationRunner(registry);
        var orchestrators = new Orchestrators(runner);
        var activities = new Activities(runner);
        using var collector = new ObsSpanCollector();
        var project = Directory.CreateTempSubdirectory("obs-functions-sdk-").FullName;
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                foreach (var (name, method) in Functions<OrchestrationTriggerAttribute>(typeof(Orchestrators)))
                {
                    tasks.AddOrchestratorFunc<JsonElement?>(name, context => (Task<JsonElement?>)method.Invoke(orchestrators, [context])!);
                }

                foreach (var (name, method) in Functions<ActivityTriggerAttribute>(typeof(Activities)))
                {
                    tasks.AddActivityFunc<JsonElement?, JsonElement?>(name, (context, input) =>
                        (Task<JsonElement?>)method.Invoke(activities, [input, FunctionContextOf(context.InstanceId)])!);
                }
            },
            new DurableTaskTestHostOptions { Port = LoopbackPorts.GetUnusedPort() });
        var client = new DurableClient(host.Client, registry.Serializer);
        var definition = new BuildDefinition
        {
            Name = "via-functions",
            AnalyzeDependencies = false,
            Steps = [new BuildStepDefinition { Name = "hello", Type = BuildStepTypes.Command, Command = "echo hello > hello.txt" }],
        };

        OrchestrationMetadata instance;
        ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            var id = await client.ScheduleNewOrchestrationInstanceAsync(BuildOrchestration.Name, new BuildRequest(definition, project));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            instance = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var result = Assert.IsType<BuildResult>(registry.Serializer.Deserialize<BuildResult>(instance.SerializedOutput));
        Assert.True(result.Success);
        Assert.Equal("hello", (await File.ReadAllTextAsync(Path.Combine(project, "hello.txt"))).Trim());
        Assert.Equal(project, JsonDocument.Parse(instance.SerializedInput!).RootElement.GetProperty("working_directory").GetString());
        var spans = collector.InTrace(traceId);
        var root = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildExecute);
        var step = Assert.Single(spans, s => s.DisplayName == SpanNames.BuildStep("hello"));
        Assert.Equal(root.SpanId, step.ParentSpanId);
        Directory.Delete(project, recursive: true);
    }

    private static IEnumerable<(string Name, MethodInfo Method)> Functions<TTrigger>(Type type) where TTrigger : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m));

    // What the Functions host passes an activity: its binding data names the scheduling instance.
    private static FunctionContext FunctionContextOf(string instanceId)
    {
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?> { [Activities.InstanceIdBindingKey] = instanceId });
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return context.Object;
    }
}
