using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>The input of the <c>AnalyzeDependencies</c> activity.</summary>
/// <param name="ProjectDirectory">Absolute; its manifests are read (not recursively).</param>
public sealed record DependencyAnalysisInput(
    [property: JsonPropertyName("project_directory")] string ProjectDirectory);
