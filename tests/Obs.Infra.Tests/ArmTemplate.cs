using System.Text.Json;

namespace Obs.Infra.Tests;

/// <summary>Navigation over a compiled ARM template whose modules are nested deployments.</summary>
internal static class ArmTemplate
{
    /// <summary>A resource and the (possibly nested) template that declares it.</summary>
    public sealed record Declared(JsonElement Resource, JsonElement Template)
    {
        public string Type => Resource.GetProperty("type").GetString()!;

        /// <summary>The declaring template's parameter <paramref name="name"/>.</summary>
        public JsonElement Parameter(string name) => Template.GetProperty("parameters").GetProperty(name);
    }

    /// <summary>Every resource of <paramref name="template"/> and of the templates of its nested deployments.</summary>
    public static IEnumerable<Declared> AllResources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name.
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var resource in items)
        {
            yield return new Declared(resource, template);
            if (resource.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The single deployed (not <c>existing</c>) resource of <paramref name="type"/> anywhere in the template.</summary>
    public static Declared Single(JsonElement template, string type)
    {
        var matches = All(template, type);
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>Every deployed (not <c>existing</c>) resource of <paramref name="type"/> anywhere in the template.</summary>
    public static IReadOnlyList<Declared> All(JsonElement template, string type) =>
        [.. AllResources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !IsExisting(r.Resource))];

    private static bool IsExisting(JsonElement resource) =>
        resource.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True;

    /// <summary>Follows a dotted property path, e.g. <c>properties.functionAppConfig.runtime.name</c>.</summary>
    public static JsonElement At(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            Assert.True(
                element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out element),
                $"missing '{name}' of '{path}'");
        }

        return element;
    }
}
