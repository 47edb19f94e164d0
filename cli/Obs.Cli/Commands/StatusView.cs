using System.Text.Json;
using System.Text.Json.Serialization;
using Obs.Orchestrations;

namespace Obs.Cli.Commands;

/// <summary>An instance as <c>obs status --format json</c> prints it.</summary>
public sealed record StatusView
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("last_updated_at")]
    public DateTimeOffset LastUpdatedAt { get; init; }

    [JsonPropertyName("failure")]
    public TaskFailureDetails? Failure { get; init; }

    [JsonPropertyName("output")]
    public JsonElement? Output { get; init; }

    public static StatusView From(OrchestrationMetadata instance, bool withOutput)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new StatusView
        {
            Id = instance.InstanceId,
            Name = instance.Name,
            Status = instance.RuntimeStatus.ToString(),
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
            Failure = instance.FailureDetails,
            Output = withOutput && instance.SerializedOutput is { } output ? JsonDocument.Parse(output).RootElement.Clone() : null,
        };
    }
}

/// <summary>Source-generated JSON for the CLI's own output types (AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusView))]
[JsonSerializable(typeof(StatusView[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
