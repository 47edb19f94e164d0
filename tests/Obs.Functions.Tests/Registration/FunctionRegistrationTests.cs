using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Orchestrations;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace Obs.Functions.Tests.Registration;

/// <summary>
/// Every orchestrator, activity and route the API needs has its Functions trigger, by name and type; a newly
/// registered name without a trigger fails here rather than on the first run on Azure.
/// </summary>
public sealed class FunctionRegistrationTests
{
    private static readonly OrchestrationRegistry s_registry = ApiOrchestrations.Register(new OrchestrationRegistry());

    private static IEnumerable<MethodInfo> Functions => typeof(HttpApi).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(HttpApi).Namespace)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

    public static TheoryData<string> OrchestratorNames => [.. s_registry.OrchestratorNames.Order(StringComparer.Ordinal)];

    public static TheoryData<string> ActivityNames => [.. s_registry.ActivityNames.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(OrchestratorNames))]
    public void EveryRegisteredOrchestrator_HasAnOrchestrationTriggerFunctionOverJsonElements(string name)
    {
        var function = Assert.Single(Functions, f => NameOf(f) == name);
        var trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);

        Assert.Equal(typeof(DurableContext), trigger.ParameterType);
        Assert.Equal(typeof(Task<JsonElement?>), function.ReturnType);
    }

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void EveryRegisteredActivity_HasAnActivityTriggerFunctionOverJsonElements(string name)
    {
        var function = Assert.Single(Functions, f => NameOf(f) == name);
        var trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

        Assert.Equal(typeof(JsonElement?), trigger.ParameterType);
        Assert.Equal(typeof(Task<JsonElement?>), function.ReturnType);
        Assert.Contains(function.GetParameters(), p => p.ParameterType == typeof(FunctionContext));
    }

    [Fact]
    public void EveryDurableTriggerFunction_IsRegistered()
    {
        foreach (var function in Functions)
        {
            var name = NameOf(function);
            var parameters = function.GetParameters();
            if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
            {
                Assert.True(s_registry.TryGetOrchestrator(name, out _), $"[Function(\"{name}\")] has an orchestration trigger but no such orchestrator is registered.");
            }
            else if (parameters.Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            {
                Assert.True(s_registry.TryGetActivity(name, out _), $"[Function(\"{name}\")] has an activity trigger but no such activity is registered.");
            }
        }
    }

    [Fact]
    public void FunctionNames_AreUnique() =>
        Assert.Equal(Functions.Count(), Functions.Select(NameOf).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Theory]
    [MemberData(nameof(HttpFunctionTable.Names), MemberType = typeof(HttpFunctionTable))]
    public void EveryApiRoute_HasAnHttpTriggerWithTheSameRouteMethodAndKeyLevel(string name)
    {
        var expected = HttpFunctionTable.All.Single(f => f.Name == name);
        var function = Assert.Single(Functions, f => NameOf(f) == name);
        var trigger = Assert.Single(function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>());

        Assert.Equal(expected.ApiRoute, "/" + trigger.Route);
        Assert.Equal(expected.Template, trigger.Route);
        Assert.Equal([expected.Method], trigger.Methods ?? []);
        Assert.Equal(expected.AuthLevel, trigger.AuthLevel);
    }

    [Fact]
    public void EveryFunctionRoute_IsItsApiRouteWithoutTheLeadingSlash()
    {
        var templates = RouteConstants(typeof(FunctionRoutes)).Where(r => r.Name != nameof(FunctionRoutes.ReservedHostPrefix)).ToList();
        var api = RouteConstants(typeof(ApiRoutes)).ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);

        Assert.NotEmpty(templates);
        Assert.All(templates, t => Assert.Equal(api[t.Name], "/" + t.Value));
        Assert.Equal(HttpFunctionTable.All.Count, templates.Count);
    }

    [Fact]
    public void ApiRoutes_AreAllHostedOrServedByDurable()
    {
        var hosted = HttpFunctionTable.All.Select(f => f.ApiRoute).ToHashSet(StringComparer.Ordinal);
        var routes = RouteConstants(typeof(ApiRoutes)).Select(r => r.Value).Where(v => v.StartsWith('/')).ToList();

        foreach (var route in routes.Where(r => !hosted.Contains(r)))
        {
            // The rest is Durable's instance API, which the Functions host serves itself at the same paths.
            Assert.StartsWith(ApiRoutes.InstancesPrefix, route, StringComparison.Ordinal);
            Assert.StartsWith("/" + FunctionRoutes.ReservedHostPrefix, route, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoHttpTrigger_UsesTheHostsReservedRuntimeRoutes() =>
        Assert.DoesNotContain(HttpTriggers(), t => (t.Route ?? string.Empty).StartsWith(FunctionRoutes.ReservedHostPrefix, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void EveryHttpTrigger_IsAnApiRoute() =>
        Assert.All(HttpTriggers(), t => Assert.Contains(t.Route, HttpFunctionTable.All.Select(f => f.Template)));

    [Fact]
    public void EveryStartingTrigger_TakesTheDurableClientBinding()
    {
        var starting = Functions.Where(f => f.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>()?.Methods is ["post"])).ToList();

        Assert.Equal(HttpFunctionTable.Starting.Select(f => f.Name).Order(StringComparer.Ordinal), starting.Select(NameOf).Order(StringComparer.Ordinal));
        Assert.All(starting, f => Assert.Single(f.GetParameters(), p => p.ParameterType == typeof(DurableTaskClient) && p.GetCustomAttribute<DurableClientAttribute>() is not null));
    }

    private static string NameOf(MethodInfo function) => function.GetCustomAttribute<FunctionAttribute>()!.Name;

    private static IEnumerable<HttpTriggerAttribute> HttpTriggers() => Functions
        .SelectMany(f => f.GetParameters())
        .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
        .OfType<HttpTriggerAttribute>();

    private static IEnumerable<(string Name, string Value)> RouteConstants(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!));
}
