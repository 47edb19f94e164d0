using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The input of <c>RecordSkippedSteps</c>: the steps of a build that never ran, with why.</summary>
public sealed record SkippedStepsInput([property: JsonPropertyName("steps")] IReadOnlyList<BuildStepResult> Steps);
