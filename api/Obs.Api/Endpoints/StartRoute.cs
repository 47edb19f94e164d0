using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;

namespace Obs.Api.Endpoints;

/// <summary>
/// One starting route (<c>POST /build</c>, <c>/test</c>, <c>/benchmark</c>, <c>/startup</c>): the
/// orchestration it starts, the shape of its body, and how a checked body becomes that orchestration's input.
/// </summary>
public abstract class StartRoute
{
    /// <summary>The orchestrator the route starts.</summary>
    public abstract string OrchestrationName { get; }

    /// <summary>The body's expected shape, checked before binding; null when <see cref="Bind"/> checks it itself.</summary>
    public abstract BodyShape? Shape { get; }

    /// <summary>
    /// The orchestration input from a body that matched <see cref="Shape"/> (<paramref name="body"/> is
    /// null for an empty body), or null with every problem added to <paramref name="problems"/>.
    /// </summary>
    public abstract object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems);

    /// <summary>Deserializes <paramref name="body"/>, reporting a binder error at its JSON path.</summary>
    protected static T? Deserialize<T>(JsonElement body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return body.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            problems.Add(ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : ProblemList.Root, ex.Message);
            return default;
        }
    }
}
