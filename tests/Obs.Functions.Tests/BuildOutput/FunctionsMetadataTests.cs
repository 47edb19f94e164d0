using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Orchestrations;

namespace Obs.Functions.Tests.BuildOutput;

/// <summary>
/// The built app's <c>functions.metadata</c> — what the Functions host indexes — lists exactly the registry's
/// orchestrators and activities and the API's routes, each with its trigger.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly OrchestrationRegistry s_registry = ApiOrchestrations.Register(new OrchestrationRegistry());

    /// <summary>Each HTTP function: its name, API route, trigger template, method and key level.</summary>
    public static TheoryData<string, string, string, string, string> HttpFunctions => new()
    {
        { nameof(HttpApi.Health), ApiRoutes.Health, FunctionRoutes.Health, "get", nameof(AuthorizationLevel.Anonymous) },
        { nameof(HttpApi.TraceContext), ApiRoutes.TraceContext, FunctionRoutes.TraceContext, "get", nameof(AuthorizationLevel.Function) },
        { nameof(HttpApi.StartBuild), ApiRoutes.Build, FunctionRoutes.Build, "post", nameof(AuthorizationLevel.Function) },
        { nameof(HttpApi.StartTest), ApiRoutes.Test, FunctionRoutes.Test, "post", nameof(AuthorizationLevel.Function) },
        { nameof(HttpApi.StartBenchmark), ApiRoutes.Benchmark, FunctionRoutes.Benchmark, "post", nameof(AuthorizationLevel.Function) },
        { nameof(HttpApi.StartStartup), ApiRoutes.Startup, FunctionRoutes.Startup, "post", nameof(AuthorizationLevel.Function) },
    };

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
    [MemberData(nameof(HttpFunctions))]
    public void HttpTrigger_HasTheApisRouteMethodAndKeyLevel(string name, string apiRoute, string template, string method, string authLevel)
    {
        var trigger = Assert.Single(FunctionsMetadata.Built, f => f.Name == name).Trigger;

        Assert.Equal(FunctionsMetadata.HttpTrigger, trigger.Type);
        Assert.Equal(template, trigger.Route);
        Assert.Equal(apiRoute, "/" + trigger.Route);
        Assert.Equal([method], trigger.Methods);
        Assert.Equal(authLevel, trigger.AuthLevel);
    }

    [Fact]
    public void HttpTriggers_AreExactlyTheApisRoutes() =>
        Assert.Equal(
            HttpFunctions.Select(row => (string)row[0]).Order(StringComparer.Ordinal),
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

        Assert.Equal(4, starting.Count);
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
