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

    /// <summary>
    /// How the run turned out — <c>succeeded</c>, <c>failed</c> or <c>terminated</c> — beside <see cref="Status"/>,
    /// the runtime status (a build whose step failed is <c>Completed</c> and <c>failed</c>); null until it finishes.
    /// </summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    /// <summary>The <c>error.type</c> of a failed run.</summary>
    [JsonPropertyName("error_type")]
    public string? ErrorType { get; init; }

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
        var outcome = OrchestrationOutcome.Of(instance);
        return new StatusView
        {
            Id = instance.InstanceId,
            Name = instance.Name,
            Status = instance.RuntimeStatus.ToString(),
            Outcome = outcome?.Word,
            ErrorType = outcome?.ErrorType,
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
