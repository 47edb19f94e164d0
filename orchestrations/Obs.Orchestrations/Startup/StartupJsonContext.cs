using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Startup;

/// <summary>Source-generated JSON contracts (snake_case) of the start-up probe's request and result.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StartupProbeRequest))]
[JsonSerializable(typeof(StartupProbeResult))]
public sealed partial class StartupJsonContext : JsonSerializerContext;
