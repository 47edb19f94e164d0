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
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context responses are written with: like <see cref="JsonSerializerContext"/>'s default but
    /// without escaping quotes and non-ASCII (bodies are JSON, never embedded in HTML), so messages stay readable.
    /// </summary>
    public static ApiJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
