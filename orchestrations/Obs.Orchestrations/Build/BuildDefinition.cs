using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>
/// A build in the original design's format (snake_case JSON or YAML): named steps that run a Python
/// module or a shell command, optionally ordered by <c>depends_on</c>, then artifacts to collect.
/// </summary>
/// <remarks>
/// Properties with defaults have setters, not <c>init</c>: the JSON source generator sets every
/// <c>init</c> property, so a missing <c>analyze_dependencies</c> would read as false.
/// </remarks>
public sealed record BuildDefinition
{
    /// <summary>The keys a definition accepts, with what each holds (the properties' JSON names).</summary>
    public static IReadOnlyList<DefinitionKey> JsonKeys { get; } =
    [
        new("name", DefinitionValueKind.String),
        new("project_path", DefinitionValueKind.String),
        new("steps", DefinitionValueKind.MappingList, BuildStepDefinition.JsonKeys),
        new("artifacts", DefinitionValueKind.StringList),
        new("artifacts_upload", DefinitionValueKind.Mapping, ArtifactUploadDefinition.JsonKeys),
        new("analyze_dependencies", DefinitionValueKind.Boolean),
    ];

    /// <summary>The build's name (the pipeline name on the span); optional.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The project the build runs in, relative to the request's working directory; default: that directory.</summary>
    [JsonPropertyName("project_path")]
    public string? ProjectPath { get; init; }

    /// <summary>The steps. Without any <c>depends_on</c> they run in order; with one, they form a DAG.</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<BuildStepDefinition> Steps { get; set; } = [];

    /// <summary>Glob patterns (<c>*</c>, <c>**</c>, <c>?</c>) of files to collect after the steps, relative to the project.</summary>
    [JsonPropertyName("artifacts")]
    public IReadOnlyList<string>? Artifacts { get; init; }

    /// <summary>Optional: upload the collected artifacts to Azure Blob Storage (see <see cref="ArtifactUploadDefinition"/>).</summary>
    [JsonPropertyName("artifacts_upload")]
    public ArtifactUploadDefinition? ArtifactsUpload { get; init; }

    /// <summary>Whether to parse the project's dependency manifests first (default true).</summary>
    [JsonPropertyName("analyze_dependencies")]
    public bool AnalyzeDependencies { get; set; } = true;
}
