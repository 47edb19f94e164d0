using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The input of the <c>Build</c> orchestration.</summary>
/// <param name="Definition">What to build.</param>
/// <param name="WorkingDirectory">The directory <c>project_path</c> and every relative path are resolved against (absolute).</param>
/// <param name="RunId">The pipeline run id recorded as <c>cicd.pipeline.run.id</c>; optional (the instance id when absent).</param>
public sealed record BuildRequest(
    [property: JsonPropertyName("definition")] BuildDefinition Definition,
    [property: JsonPropertyName("working_directory")] string WorkingDirectory,
    [property: JsonPropertyName("run_id")] string? RunId = null);
