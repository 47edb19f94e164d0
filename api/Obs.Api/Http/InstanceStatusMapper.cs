using System.Text.Json;
using Obs.Api.Payloads;
using Obs.Orchestrations;

namespace Obs.Api.Http;

/// <summary>Turns engine metadata into Durable's status body.</summary>
public static class InstanceStatusMapper
{
    public static InstanceStatus From(OrchestrationMetadata metadata, bool showInput)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new InstanceStatus
        {
            Name = metadata.Name,
            InstanceId = metadata.InstanceId,
            RuntimeStatus = metadata.RuntimeStatus.ToString(),
            Input = showInput ? Parse(metadata.SerializedInput) : null,
            CustomStatus = Parse(metadata.SerializedCustomStatus),
            Output = Parse(metadata.SerializedOutput),
            FailureDetails = metadata.FailureDetails is { } failure ? new InstanceFailure(failure.ErrorType, failure.ErrorMessage) : null,
            CreatedTime = metadata.CreatedAt,
            LastUpdatedTime = metadata.LastUpdatedAt,
        };
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
