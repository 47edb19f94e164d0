using Microsoft.Azure.Functions.Worker;
using Obs.Api;
using Obs.Functions.Functions;

namespace Obs.Functions.Tests.Registration;

/// <summary>One HTTP function of the app: its name, the API route it serves, its trigger template, method and key level.</summary>
public sealed record HttpFunction(string Name, string ApiRoute, string Template, string Method, AuthorizationLevel AuthLevel);

/// <summary>
/// The HTTP functions the app must have, in one place for the attribute and the build-output tests: every
/// route of <see cref="ApiRoutes"/> but Durable's instance API, <c>/health</c> anonymous, the rest behind a function key.
/// </summary>
public static class HttpFunctionTable
{
    public static IReadOnlyList<HttpFunction> All { get; } =
    [
        new(nameof(HttpApi.Health), ApiRoutes.Health, FunctionRoutes.Health, "get", AuthorizationLevel.Anonymous),
        new(nameof(HttpApi.TraceContext), ApiRoutes.TraceContext, FunctionRoutes.TraceContext, "get", AuthorizationLevel.Function),
        new(nameof(HttpApi.StartBuild), ApiRoutes.Build, FunctionRoutes.Build, "post", AuthorizationLevel.Function),
        new(nameof(HttpApi.StartTest), ApiRoutes.Test, FunctionRoutes.Test, "post", AuthorizationLevel.Function),
        new(nameof(HttpApi.StartBenchmark), ApiRoutes.Benchmark, FunctionRoutes.Benchmark, "post", AuthorizationLevel.Function),
        new(nameof(HttpApi.StartStartup), ApiRoutes.Startup, FunctionRoutes.Startup, "post", AuthorizationLevel.Function),
    ];

    /// <summary>The functions that start an orchestration (and so bind the Durable client).</summary>
    public static IEnumerable<HttpFunction> Starting => All.Where(f => f.Method == "post");

    /// <summary>The names, as xunit theory rows.</summary>
    public static TheoryData<string> Names => [.. All.Select(f => f.Name)];
}
