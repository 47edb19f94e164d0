using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Source-generated JSON contracts of the test orchestration's inputs and outputs (snake_case).
/// <see cref="TestOrchestration.Register"/> adds it to the registry.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(TestRunRequest))]
[JsonSerializable(typeof(TestRunResult))]
[JsonSerializable(typeof(TestTargetInput))]
[JsonSerializable(typeof(TestTargetResult))]
[JsonSerializable(typeof(TestTargetDiscovery))]
[JsonSerializable(typeof(CoverageCombineInput))]
public sealed partial class TestRunsJsonContext : JsonSerializerContext;
