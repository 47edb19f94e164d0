using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Obs.Api;
using Obs.Functions.Functions;
using Obs.Orchestrations;

namespace Obs.Functions.CompileCheck.Registration;

/// <summary>Every orchestrator, activity and route the API needs has its Functions trigger, by name and type.</summary>
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
    public void EveryRegisteredOrchestrator_HasAnOrchestrationTriggerFunctionWithItsTypes(string name)
    {
        Assert.True(s_registry.TryGetOrchestrator(name, out var registration));
        var orchestrator = registration.Factory();
        var function = Assert.Single(Functions, f => f.GetCustomAttribute<FunctionAttribute>()!.Name == name);
        var trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);

        Assert.Equal(typeof(Microsoft.DurableTask.TaskOrchestrationContext), trigger.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(orchestrator.OutputType), function.ReturnType);
    }

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void EveryRegisteredActivity_HasAnActivityTriggerFunctionWithItsTypes(string name)
    {
        Assert.True(s_registry.TryGetActivity(name, out var factory));
        var activity = factory();
        var function = Assert.Single(Functions, f => f.GetCustomAttribute<FunctionAttribute>()!.Name == name);
        var trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

        Assert.Equal(activity.InputType, trigger.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(activity.OutputType), function.ReturnType);
        Assert.Contains(function.GetParameters(), p => p.ParameterType == typeof(FunctionContext));
    }

    [Fact]
    public void EveryDurableTriggerFunction_IsRegistered()
    {
        foreach (var function in Functions)
        {
            var name = function.GetCustomAttribute<FunctionAttribute>()!.Name;
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
        Assert.Equal(Functions.Count(), Functions.Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    public static TheoryData<string, string, AuthorizationLevel> HostedRoutes => new()
    {
        { ApiRoutes.Health, "get", AuthorizationLevel.Anonymous },
        { ApiRoutes.TraceContext, "get", AuthorizationLevel.Function },
        { ApiRoutes.Build, "post", AuthorizationLevel.Function },
        { ApiRoutes.Test, "post", AuthorizationLevel.Function },
        { ApiRoutes.Benchmark, "post", AuthorizationLevel.Function },
        { ApiRoutes.Startup, "post", AuthorizationLevel.Function },
    };

    [Theory]
    [MemberData(nameof(HostedRoutes))]
    public void EveryApiRoute_HasAnHttpTriggerWithTheSameRouteMethodAndKeyLevel(string route, string method, AuthorizationLevel level)
    {
        var trigger = Assert.Single(HttpTriggers(), t => "/" + t.Route == route);

        Assert.Equal([method], trigger.Methods ?? []);
        Assert.Equal(level, trigger.AuthLevel);
    }

    [Fact]
    public void ApiRoutes_AreAllHostedOrServedByDurable()
    {
        var routes = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith('/'))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var hosted = HostedRoutes.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

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
        Assert.All(HttpTriggers(), t => Assert.Contains("/" + t.Route, HostedRoutes.Select(row => (string)row[0])));

    private static IEnumerable<HttpTriggerAttribute> HttpTriggers() => Functions
        .SelectMany(f => f.GetParameters())
        .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
        .OfType<HttpTriggerAttribute>();

    // OrchestrationRegistry exposes lookups only; its tables are read here so a newly registered name
    // without a trigger fails this test rather than the first run on Azure.
}
