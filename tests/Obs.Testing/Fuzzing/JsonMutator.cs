using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Obs.Testing.Fuzzing;

/// <summary>
/// Deterministic mutations of a valid JSON document (a seeded <see cref="Random"/>): values swapped for
/// values of other kinds (huge numbers, long or odd strings, deep nesting), keys removed or added, and
/// text-level damage (truncation, flipped bytes, stray characters). The same seed gives the same cases.
/// </summary>
public sealed class JsonMutator(int seed)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\"", "\\", "{}", "[]", "null", "-1", "1e400", "../../../../etc/passwd", "$(id)", "; rm -rf /",
        "\u202e\u0301\ud83d\ude00", "http://", "::", "%00", new string('x', 5000), "true", "NaN",
    ];

    private static readonly string[] OddNumbers = ["0", "-1", "-0", "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e308", "1e-320", "123456789012345678901234567890"];

    private readonly Random _random = new(seed);

    /// <summary>One mutated text of <paramref name="json"/>.</summary>
    public string Mutate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return _random.Next(10) switch
        {
            < 6 => MutateTree(json),
            6 => json[.._random.Next(json.Length)],
            7 => FlipByte(json),
            8 => json.Insert(_random.Next(json.Length), OddCharacter()),
            _ => MutateTree(MutateTree(json)),
        };
    }

    private string MutateTree(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }

        if (root is null)
        {
            return json;
        }

        var nodes = Descendants(root).ToList();
        var target = nodes[_random.Next(nodes.Count)];
        switch (_random.Next(4))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case 1 when target is JsonObject obj:
                obj["unexpected_" + _random.Next(100).ToString(CultureInfo.InvariantCulture)] = RandomValue(depth: 0);
                break;
            default:
                if (target.Parent is null)
                {
                    return RandomValue(depth: 0)?.ToJsonString() ?? "null";
                }

                target.ReplaceWith(RandomValue(depth: 0));
                break;
        }

        return root.ToJsonString();
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 2 ? 4 : 7) switch
    {
        0 => JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)]),
        1 => JsonNode.Parse(OddNumbers[_random.Next(OddNumbers.Length)]),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => null,
        4 => new JsonArray(RandomValue(depth + 1), RandomValue(depth + 1)),
        5 => new JsonObject { ["k"] = RandomValue(depth + 1) },
        _ => JsonNode.Parse(new string('[', 64) + new string(']', 64)),
    };

    private string FlipByte(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        return Encoding.UTF8.GetString(bytes);
    }

    private string OddCharacter() => _random.Next(5) switch
    {
        0 => "{",
        1 => "\"",
        2 => ",",
        3 => "\u0001",
        _ => "\ud800",
    };

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
