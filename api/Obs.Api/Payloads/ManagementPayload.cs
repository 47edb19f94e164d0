using System.Text.Json.Serialization;

namespace Obs.Api.Payloads;

/// <summary>Durable Functions' HTTP management payload: the instance id and the URLs that manage it.</summary>
public sealed record ManagementPayload
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("statusQueryGetUri")]
    public required string StatusQueryGetUri { get; init; }

    [JsonPropertyName("sendEventPostUri")]
    public required string SendEventPostUri { get; init; }

    [JsonPropertyName("terminatePostUri")]
    public required string TerminatePostUri { get; init; }

    [JsonPropertyName("purgeHistoryDeleteUri")]
    public required string PurgeHistoryDeleteUri { get; init; }
}
