using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>
/// Source-generated JSON contracts of the benchmark types (snake_case). <see cref="BenchmarkOrchestration.Register"/>
/// adds it to the registry; hosts reading a <see cref="BenchmarkRequest"/> from JSON use it too.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BenchmarkRequest))]
[JsonSerializable(typeof(BenchmarkResult))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
