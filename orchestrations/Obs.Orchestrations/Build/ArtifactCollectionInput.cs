using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The input of the <c>CollectArtifacts</c> activity.</summary>
/// <param name="ProjectDirectory">Absolute; patterns are relative to it.</param>
/// <param name="Patterns">Glob patterns: <c>*</c> and <c>?</c> within a path segment, <c>**</c> across segments.</param>
/// <param name="Upload">Where to upload what is collected (prefix resolved); null: nothing is uploaded.</param>
public sealed record ArtifactCollectionInput(
    [property: JsonPropertyName("project_directory")] string ProjectDirectory,
    [property: JsonPropertyName("patterns")] IReadOnlyList<string> Patterns,
    [property: JsonPropertyName("upload")] ArtifactUploadDefinition? Upload = null);
