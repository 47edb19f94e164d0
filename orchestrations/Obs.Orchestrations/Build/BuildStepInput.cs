using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The input of the <c>RunBuildStep</c> activity.</summary>
/// <param name="Step">The step to run.</param>
/// <param name="ProjectDirectory">Absolute; the step's <c>working_dir</c> is relative to it.</param>
/// <param name="RunId">The pipeline run id, if any.</param>
public sealed record BuildStepInput(
    [property: JsonPropertyName("step")] BuildStepDefinition Step,
    [property: JsonPropertyName("project_directory")] string ProjectDirectory,
    [property: JsonPropertyName("run_id")] string? RunId = null);
