using System.Text.Json;
using System.Text.Json.Nodes;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Checks a build definition's JSON against the records' key tables (<see cref="BuildDefinition.JsonKeys"/>
/// and the tables they point to) without the serializer, which would stop at the first wrong type and
/// ignore unknown keys. Every unknown key and wrongly typed value is a problem at its path; values the
/// serializer cannot read are taken out of the tree so the rest can still be read and validated.
/// </summary>
internal static class BuildDefinitionShape
{
    private const int QuotedValueLimit = 40;

    /// <summary>Adds every problem of <paramref name="mapping"/> against <paramref name="keys"/>, removing unreadable values.</summary>
    public static void Check(JsonObject mapping, IReadOnlyList<DefinitionKey> keys, string path, DefinitionSyntax syntax, List<BuildDefinitionProblem> problems)
    {
        foreach (var (name, value) in mapping.ToList())
        {
            var keyPath = BuildDefinitionProblem.Join(path, name);
            if (keys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal)) is not { } key)
            {
                problems.Add(new(keyPath, UnknownKey(name, keys)));
                continue;
            }

            // null is "not given", as if the key were absent.
            if (value is not null && !CheckValue(key, value, keyPath, syntax, problems))
            {
                mapping.Remove(name);
            }
        }
    }

    /// <summary>The path of the first key given twice in one mapping (JSON allows it, a mapping of keys cannot hold it), or null.</summary>
    public static string? FindDuplicateKey(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    var keyPath = BuildDefinitionProblem.Join(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        return keyPath;
                    }

                    if (FindDuplicateKey(property.Value, keyPath) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (FindDuplicateKey(item, BuildDefinitionProblem.Index(path, index++)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A value for the definition as a whole that is not a mapping.</summary>
    public static string NotAMapping(JsonNode? value) => $"expected a mapping of {string.Join(", ", BuildDefinition.JsonKeys.Select(k => k.Name))}, got {Describe(value)}.";

    /// <summary>Whether the serializer can read <paramref name="value"/>; problems are added either way.</summary>
    private static bool CheckValue(DefinitionKey key, JsonNode value, string path, DefinitionSyntax syntax, List<BuildDefinitionProblem> problems)
    {
        switch (key.Kind)
        {
            case DefinitionValueKind.String:
                return CheckString(value, path, syntax, problems);
            case DefinitionValueKind.Seconds when value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<double>(out var seconds) && double.IsFinite(seconds):
            case DefinitionValueKind.Boolean when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return true;
            case DefinitionValueKind.Seconds:
                return Wrong(path, "a number of seconds", value, problems);
            case DefinitionValueKind.Boolean:
                return Wrong(path, "true or false", value, problems);
            case DefinitionValueKind.StringList when value is JsonArray list:
                CheckItems(list, path, (item, itemPath) => item is null ? Wrong(itemPath, "a string", null, problems) : CheckString(item, itemPath, syntax, problems), remove: true);
                return true;
            case DefinitionValueKind.StringList:
                return Wrong(path, "a list of strings", value, problems);
            case DefinitionValueKind.StringMap when value is JsonObject map:
                foreach (var (name, entry) in map.ToList())
                {
                    if (entry is not null && !CheckString(entry, BuildDefinitionProblem.Join(path, name), syntax, problems, "a string or null"))
                    {
                        map.Remove(name);
                    }
                }

                return true;
            case DefinitionValueKind.StringMap:
                return Wrong(path, "a mapping of names to strings", value, problems);
            case DefinitionValueKind.Mapping when value is JsonObject mapping:
                Check(mapping, key.Keys!, path, syntax, problems);
                return true;
            case DefinitionValueKind.Mapping:
                return Wrong(path, $"a mapping of {string.Join(", ", key.Keys!.Select(k => k.Name))}", value, problems);
            case DefinitionValueKind.MappingList when value is JsonArray list:
                // A wrong item becomes null rather than going, so the others keep their numbers.
                CheckItems(list, path, (item, itemPath) => item switch
                {
                    null => true,
                    JsonObject mapping => Checked(mapping, key.Keys!, itemPath, syntax, problems),
                    _ => Wrong(itemPath, $"a mapping of {string.Join(", ", key.Keys!.Select(k => k.Name))}", item, problems),
                }, remove: false);
                return true;
            case DefinitionValueKind.MappingList:
                return Wrong(path, $"a list of {key.Name}", value, problems);
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "Unknown kind of value.");
        }
    }

    private static bool Checked(JsonObject mapping, IReadOnlyList<DefinitionKey> keys, string path, DefinitionSyntax syntax, List<BuildDefinitionProblem> problems)
    {
        Check(mapping, keys, path, syntax, problems);
        return true;
    }

    private static void CheckItems(JsonArray list, string path, Func<JsonNode?, string, bool> check, bool remove)
    {
        var unreadable = new List<int>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!check(list[i], BuildDefinitionProblem.Index(path, i)))
            {
                unreadable.Add(i);
            }
        }

        for (var j = unreadable.Count - 1; j >= 0; j--)
        {
            if (remove)
            {
                list.RemoveAt(unreadable[j]);
            }
            else
            {
                list[unreadable[j]] = null;
            }
        }
    }

    private static bool CheckString(JsonNode value, string path, DefinitionSyntax syntax, List<BuildDefinitionProblem> problems, string expected = "a string")
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return true;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // Readable either way (as its text); in JSON a number is not a string, so it is reported.
                if (syntax == DefinitionSyntax.Json)
                {
                    Wrong(path, expected, value, problems);
                }

                return true;
            default:
                return Wrong(path, expected, value, problems);
        }
    }

    private static bool Wrong(string path, string expected, JsonNode? value, List<BuildDefinitionProblem> problems)
    {
        problems.Add(new(path, $"expected {expected}, got {Describe(value)}."));
        return false;
    }

    private static string UnknownKey(string name, IReadOnlyList<DefinitionKey> keys) =>
        ClosestName.Find(name, keys.Select(k => k.Name)) is { } meant
            ? $"unknown key; did you mean '{meant}'?"
            : $"unknown key; expected one of: {string.Join(", ", keys.Select(k => k.Name))}.";

    /// <summary>The value as the user wrote it: <c>'soon'</c>, <c>3</c>, <c>true</c>, <c>a list</c>.</summary>
    private static string Describe(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => Quote(value.GetValue<string>()),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "a mapping",
        var kind => kind.ToString()!,
    };

    private static string Quote(string text) => text.Length <= QuotedValueLimit ? $"'{text}'" : $"'{text[..QuotedValueLimit]}…'";
}
