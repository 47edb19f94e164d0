using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Obs.Orchestrations;

/// <summary>
/// JSON for inputs, outputs and custom status, AOT-safe: every type goes through a source-generated
/// <see cref="JsonTypeInfo"/> (the built-in primitives plus the resolvers registered with the
/// <see cref="OrchestrationRegistry"/>). A type no resolver knows is a clear error, not a reflection fallback.
/// </summary>
public sealed class OrchestrationSerializer
{
    public OrchestrationSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, OrchestrationJsonContext.Default]),
        };
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>JSON for <paramref name="value"/> (by its runtime type); null stays null.</summary>
    public string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, TypeInfo(value.GetType()));

    /// <summary>The value of <paramref name="json"/> as <paramref name="type"/>; null or empty gives null.</summary>
    public object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, TypeInfo(type));
    }

    /// <summary>Typed <see cref="Deserialize(string?, Type)"/>.</summary>
    public T? Deserialize<T>(string? json) => (T?)Deserialize(json, typeof(T));

    private JsonTypeInfo TypeInfo(Type type)
    {
        try
        {
            return Options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new NotSupportedException(
                $"No JSON contract for {type.FullName}: add a JsonSerializerContext that declares it with OrchestrationRegistry.AddJsonTypeInfoResolver.", ex);
        }
    }
}
