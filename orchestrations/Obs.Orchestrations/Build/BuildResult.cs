using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The output of the <c>Build</c> orchestration.</summary>
public sealed record BuildResult
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>True when no step failed without <c>continue_on_error</c> and the definition was valid.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>Every step, in definition order, including skipped ones.</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<BuildStepResult> Steps { get; init; } = [];

    /// <summary>Problems with the definition (nothing ran when there are any).</summary>
    [JsonPropertyName("problems")]
    public IReadOnlyList<string>? Problems { get; init; }

    [JsonPropertyName("dependencies")]
    public IReadOnlyList<DependencyInfo>? Dependencies { get; init; }

    [JsonPropertyName("artifacts")]
    public IReadOnlyList<ArtifactInfo>? Artifacts { get; init; }

    /// <summary>Orchestration time from start to end (replay-safe clock).</summary>
    [JsonPropertyName("duration_seconds")]
    public double DurationSeconds { get; init; }
}
