using System.Text.Json;

namespace Obs.Api.Validation;

/// <summary>A field of a <see cref="BodyShape"/>: its name, what it holds, and for objects their own shape.</summary>
public sealed record FieldShape(string Name, JsonKind Kind, BodyShape? Shape = null, bool Required = false);

/// <summary>
/// The expected shape of a JSON object: checked before binding so that one response can list every
/// wrong type, unknown field and missing field at once (the serializer stops at the first).
/// </summary>
public sealed class BodyShape
{
    private readonly Dictionary<string, FieldShape> _fields;

    public BodyShape(params IReadOnlyList<FieldShape> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The fields, in declaration order (pinned to the request records' JSON names by the API tests).</summary>
    public IReadOnlyCollection<FieldShape> Fields => _fields.Values;

    /// <summary>Adds every problem of <paramref name="element"/> against this shape under <paramref name="path"/>.</summary>
    public void Check(JsonElement element, string path, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"expected an object, got {Describe(element)}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = ProblemList.Join(path, property.Name);
            if (!_fields.TryGetValue(property.Name, out var field))
            {
                problems.Add(fieldPath, Obs.Orchestrations.ClosestName.Find(property.Name, _fields.Keys) is { } meant
                    ? $"unknown key; did you mean '{meant}'?"
                    : $"unknown key; expected one of: {string.Join(", ", _fields.Keys)}.");
                continue;
            }

            seen.Add(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    problems.Add(fieldPath, "is required and may not be null.");
                }

                continue;
            }

            CheckValue(field, property.Value, fieldPath, problems);
        }

        foreach (var missing in _fields.Values.Where(f => f.Required && !seen.Contains(f.Name)))
        {
            problems.Add(ProblemList.Join(path, missing.Name), "is required.");
        }
    }

    private static void CheckValue(FieldShape field, JsonElement value, string path, ProblemList problems)
    {
        switch (field.Kind)
        {
            case JsonKind.String:
                Expect(value.ValueKind == JsonValueKind.String, "a string", value, path, problems);
                break;
            case JsonKind.Number:
                Expect(value.ValueKind == JsonValueKind.Number, "a number", value, path, problems);
                break;
            case JsonKind.Integer:
                Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), "an integer", value, path, problems);
                break;
            case JsonKind.Boolean:
                Expect(value.ValueKind is JsonValueKind.True or JsonValueKind.False, "true or false", value, path, problems);
                break;
            case JsonKind.Object:
                field.Shape!.Check(value, path, problems);
                break;
            case JsonKind.StringArray:
                CheckArray(value, path, problems, (item, itemPath) => Expect(item.ValueKind == JsonValueKind.String, "a string", item, itemPath, problems));
                break;
            case JsonKind.ObjectArray:
                CheckArray(value, path, problems, (item, itemPath) => field.Shape!.Check(item, itemPath, problems));
                break;
            case JsonKind.StringMap:
                CheckMap(value, path, problems);
                break;
            case JsonKind.StringOrStringArray when value.ValueKind == JsonValueKind.String:
                break;
            case JsonKind.StringOrStringArray:
                CheckArray(value, path, problems, (item, itemPath) => Expect(item.ValueKind == JsonValueKind.String, "a string", item, itemPath, problems));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown JSON kind.");
        }
    }

    private static void CheckArray(JsonElement value, string path, ProblemList problems, Action<JsonElement, string> checkItem)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"expected an array, got {Describe(value)}.");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            checkItem(item, ProblemList.Index(path, index++));
        }
    }

    private static void CheckMap(JsonElement value, string path, ProblemList problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"expected an object of strings, got {Describe(value)}.");
            return;
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                problems.Add(ProblemList.Join(path, entry.Name), $"expected a string or null, got {Describe(entry.Value)}.");
            }
        }
    }

    private static void Expect(bool ok, string expected, JsonElement value, string path, ProblemList problems)
    {
        if (!ok)
        {
            problems.Add(path, $"expected {expected}, got {Describe(value)}.");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? $"the number {value.GetRawText()}" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };
}
