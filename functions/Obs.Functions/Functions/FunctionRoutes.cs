using Obs.Api;

namespace Obs.Functions.Functions;

/// <summary>
/// The routes of <see cref="ApiRoutes"/> as HTTP trigger templates (no leading slash; host.json's
/// <c>routePrefix</c> is ""). Attribute arguments must be constants, so each is spelled out here and
/// a compile-check test asserts it equals its <see cref="ApiRoutes"/> counterpart.
/// </summary>
/// <remarks>
/// Durable's instance routes (<see cref="ApiRoutes.Instance"/> and below) have no trigger: the Functions
/// host reserves every route under <c>runtime/</c> and refuses triggers there. Under Functions those
/// routes are answered by the Durable extension's own HTTP API at the very same paths, with the same
/// 202 + Location / 200 / 404 contract <c>obs serve</c> copies.
/// </remarks>
public static class FunctionRoutes
{
    public const string Health = "health";
    public const string TraceContext = "trace-context";
    public const string Build = "build";
    public const string Test = "test";
    public const string Benchmark = "benchmark";
    public const string Startup = "startup";

    /// <summary>The prefix the Functions host keeps for its own webhooks (Durable's status API among them).</summary>
    public const string ReservedHostPrefix = "runtime/";
}
