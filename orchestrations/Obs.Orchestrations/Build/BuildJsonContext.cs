using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Source-generated JSON contracts of every build type (definition, orchestration and activity
/// inputs and outputs). Hosts register it with
/// <c>registry.AddJsonTypeInfoResolver(BuildJsonContext.Default)</c>; <see cref="BuildOrchestration.Register"/> does.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(BuildDefinition))]
[JsonSerializable(typeof(BuildRequest))]
[JsonSerializable(typeof(BuildResult))]
[JsonSerializable(typeof(BuildStepInput))]
[JsonSerializable(typeof(BuildStepResult))]
[JsonSerializable(typeof(SkippedStepsInput))]
[JsonSerializable(typeof(DependencyAnalysisInput))]
[JsonSerializable(typeof(IReadOnlyList<DependencyInfo>))]
[JsonSerializable(typeof(List<DependencyInfo>))]
[JsonSerializable(typeof(ArtifactCollectionInput))]
[JsonSerializable(typeof(IReadOnlyList<ArtifactInfo>))]
[JsonSerializable(typeof(List<ArtifactInfo>))]
[JsonSerializable(typeof(ArtifactUploadDefinition))]
public sealed partial class BuildJsonContext : JsonSerializerContext;
