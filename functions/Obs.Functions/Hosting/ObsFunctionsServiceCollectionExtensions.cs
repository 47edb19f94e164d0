using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Obs.Api;
using Obs.Orchestrations;
using Obs.Orchestrations.Durable;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;

namespace Obs.Functions.Hosting;

/// <summary>What the Functions worker registers besides telemetry: API options, the start-up trace, and JSON.</summary>
public static class ObsFunctionsServiceCollectionExtensions
{
    /// <summary>The setting naming the directory builds and test runs are confined to (default: the current one).</summary>
    public const string WorkingRootSetting = "OBS_WORKING_ROOT";

    /// <summary>
    /// Registers the orchestration registry and the <see cref="DurableOrchestrationRunner"/> the
    /// orchestrator and activity triggers call, <see cref="ObsApiOptions"/> for the HTTP triggers (keys
    /// checked by the host), the start-up trace, and the worker's serializer, built on the orchestrations'
    /// own JSON contracts (Durable's DataConverter wraps it; Obs hands it JSON elements it passes through).
    /// </summary>
    public static IServiceCollection AddObsFunctions(
        this IServiceCollection services,
        ObsTelemetryOptions telemetry,
        IReadOnlyDictionary<string, string?> environment,
        StartupRecorder startup)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(startup);

        var registry = ApiOrchestrations.Register(new OrchestrationRegistry());
        services.TryAddSingleton(registry);
        services.TryAddSingleton(new DurableOrchestrationRunner(registry));
        services.TryAddSingleton(new ObsApiOptions
        {
            ServiceName = telemetry.ServiceName,
            RequireFunctionKey = false,
            WorkingRoot = environment.TryGetValue(WorkingRootSetting, out var root) && !string.IsNullOrWhiteSpace(root)
                ? Path.GetFullPath(root)
                : Directory.GetCurrentDirectory(),
        });
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(JsonOptions(registry)));
        services.AddSingleton(startup);
        services.AddHostedService<StartupTraceService>();
        return services;
    }

    /// <summary>
    /// The orchestrations' JSON options (snake_case contracts, lenient converters), falling back to
    /// reflection for the worker's and Durable's own payloads that no Obs contract declares.
    /// </summary>
    public static JsonSerializerOptions JsonOptions(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var contracts = registry.Serializer.Options;
        return new JsonSerializerOptions(contracts)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(contracts.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
    }
}
