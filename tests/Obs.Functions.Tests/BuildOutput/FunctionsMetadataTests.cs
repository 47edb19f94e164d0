using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Functions.Tests.Registration;
using Obs.Orchestrations;

namespace Obs.Functions.Tests.BuildOutput;

/// <summary>
/// The built app's <c>functions.metadata</c> — what the Functions host indexes — lists exactly the registry's
/// orchestrators and activities and the API's routes, each with its trigger.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly OrchestrationRegistry s_registry = ApiOrchestrations.Register(new OrchestrationRegistry());

    [Fact]
    public void OrchestrationTriggers_AreExactlyTheRegisteredOrchestrators() =>
        Assert.Equal(s_registry.OrchestratorNames.Order(StringComparer.Ordinal), FunctionsMetadata.Built.NamesTriggeredBy(FunctionsMetadata.OrchestrationTrigger).Order(StringComparer.Ordinal));

    [Fact]
    public void ActivityTriggers_AreExactlyTheRegisteredActivities()
    {
        Assert.Empty(Unhosted(s_registry.ActivityNames, FunctionsMetadata.ActivityTrigger));
        Assert.Equal(s_registry.ActivityNames.Order(StringComparer.Ordinal), FunctionsMetadata.Built.NamesTriggeredBy(FunctionsMetadata.ActivityTrigger).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ActivityCheck_AnActivityRegisteredWithoutAFunction_IsNamed()
    {
        var registry = ApiOrchestrations.Register(new OrchestrationRegistry())
            .AddActivity<string, string>("Unhosted", (_, input) => Task.FromResult(input));

        Assert.Equal(["Unhosted"], Unhosted(registry.ActivityNames, FunctionsMetadata.ActivityTrigger));
    }

    [Theory]
    [MemberData(nameof(HttpFunctionTable.Names), MemberType = typeof(HttpFunctionTable))]
    public void HttpTrigger_HasTheApisRouteMethodAndKeyLevel(string name)
    {
        var expected = HttpFunctionTable.All.Single(f => f.Name == name);
        var trigger = Assert.Single(FunctionsMetadata.Built, f => f.Name == name).Trigger;

        Assert.Equal(FunctionsMetadata.HttpTrigger, trigger.Type);
        Assert.Equal(expected.Template, trigger.Route);
        Assert.Equal(expected.ApiRoute, "/" + trigger.Route);
        Assert.Equal([expected.Method], trigger.Methods);
        Assert.Equal(expected.AuthLevel.ToString(), trigger.AuthLevel);
    }

    [Fact]
    public void HttpTriggers_AreExactlyTheApisRoutes() =>
        Assert.Equal(
            HttpFunctionTable.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            FunctionsMetadata.Built.NamesTriggeredBy(FunctionsMetadata.HttpTrigger).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryFunction_HasOneKnownTrigger()
    {
        string[] known = [FunctionsMetadata.HttpTrigger, FunctionsMetadata.OrchestrationTrigger, FunctionsMetadata.ActivityTrigger];

        Assert.All(FunctionsMetadata.Built, f => Assert.Contains(f.Trigger.Type, known));
        Assert.Equal(FunctionsMetadata.Built.Count, FunctionsMetadata.Built.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void StartingTriggers_BindTheDurableClient()
    {
        var starting = FunctionsMetadata.Built.Where(f => f.Trigger is { Type: FunctionsMetadata.HttpTrigger, Methods: ["post"] }).ToList();

        Assert.Equal(HttpFunctionTable.Starting.Select(f => f.Name).Order(StringComparer.Ordinal), starting.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(starting, f => Assert.Single(f.Bindings, b => b.Type == FunctionsMetadata.DurableClient));
    }

    [Fact]
    public void EveryFunction_EntersTheWorkerAssemblyAtItsFunctionMethod()
    {
        var assembly = typeof(HttpApi).Assembly;
        foreach (var function in FunctionsMetadata.Built)
        {
            Assert.Equal(FunctionsAppDirectory.WorkerAssemblyName + ".dll", function.ScriptFile);
            Assert.True(File.Exists(Path.Combine(FunctionsAppDirectory.Path, function.ScriptFile)), function.ScriptFile);
            var separator = function.EntryPoint.LastIndexOf('.');
            var type = assembly.GetType(function.EntryPoint[..separator]);
            Assert.NotNull(type);
            var method = Assert.Single(type.GetMethods(), m => m.Name == function.EntryPoint[(separator + 1)..]);
            Assert.Equal(function.Name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        }
    }

    private static IReadOnlyList<string> Unhosted(IEnumerable<string> registered, string triggerType)
    {
        var hosted = FunctionsMetadata.Built.NamesTriggeredBy(triggerType);
        return [.. registered.Where(name => !hosted.Contains(name)).Order(StringComparer.Ordinal)];
    }
}
