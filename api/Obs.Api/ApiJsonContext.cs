using System.Text.Json.Serialization;
using Obs.Api.Payloads;

namespace Obs.Api;

/// <summary>Source-generated JSON contracts of every API response (AOT-safe; names are set per property).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ManagementPayload))]
[JsonSerializable(typeof(InstanceStatus))]
[JsonSerializable(typeof(PurgeResponse))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(TraceContextReport))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
