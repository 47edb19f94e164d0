using System.Text.Json.Serialization;

namespace Obs.Api.Payloads;

/// <summary>An RFC 7807 problem-details body, with every validation problem under <see cref="Errors"/>.</summary>
public sealed record ApiProblem
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "about:blank";

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>JSON path → messages (<c>steps[0].name</c>, <c>$</c> for the body as a whole).</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The trace of the request that failed, to find it in the tracing backend.</summary>
    [JsonPropertyName("traceId")]
    public string? TraceId { get; init; }
}
