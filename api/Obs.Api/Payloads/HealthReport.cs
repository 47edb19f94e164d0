using System.Text.Json.Serialization;

namespace Obs.Api.Payloads;

/// <summary><c>GET /health</c>: the original design's <c>{status, timestamp, service}</c>, plus readiness detail.</summary>
public sealed record HealthReport
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    /// <summary><see cref="Healthy"/> when every check passed, else <see cref="Unhealthy"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Seconds since the Unix epoch, as in the original design.</summary>
    [JsonPropertyName("timestamp")]
    public required double Timestamp { get; init; }

    [JsonPropertyName("service")]
    public required string Service { get; init; }

    /// <summary>Readiness detail by component (<c>engine</c>, <c>database</c>, <c>exporters</c>).</summary>
    [JsonPropertyName("checks")]
    public IReadOnlyDictionary<string, ReadinessCheck>? Checks { get; init; }
}

/// <summary>One readiness check: whether it passed, and what it saw.</summary>
public sealed record ReadinessCheck(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail")] string? Detail = null)
{
    [JsonIgnore]
    public bool IsHealthy => Status is HealthReport.Healthy or "configured" or "none";
}
