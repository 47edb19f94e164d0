using System.Text.Json;
using System.Text.Json.Serialization;

namespace Obs.Api.Payloads;

/// <summary>Durable Functions' instance status body (<c>GET /runtime/webhooks/durabletask/instances/{id}</c>).</summary>
public sealed record InstanceStatus
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("instanceId")]
    public required string InstanceId { get; init; }

    /// <summary>Pending, Running, Completed, Failed, Terminated or Suspended.</summary>
    [JsonPropertyName("runtimeStatus")]
    public required string RuntimeStatus { get; init; }

    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    [JsonPropertyName("customStatus")]
    public JsonElement? CustomStatus { get; init; }

    [JsonPropertyName("output")]
    public JsonElement? Output { get; init; }

    [JsonPropertyName("failureDetails")]
    public InstanceFailure? FailureDetails { get; init; }

    [JsonPropertyName("createdTime")]
    public DateTimeOffset CreatedTime { get; init; }

    [JsonPropertyName("lastUpdatedTime")]
    public DateTimeOffset LastUpdatedTime { get; init; }
}

/// <summary>Why an instance failed.</summary>
public sealed record InstanceFailure(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);

/// <summary>The body of a purge: how many instances were deleted.</summary>
public sealed record PurgeResponse([property: JsonPropertyName("instancesDeleted")] int InstancesDeleted);
