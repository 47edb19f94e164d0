namespace Obs.Api.Validation;

/// <summary>Every problem found in a request, keyed by the JSON path it is about (<c>$</c> for the body as a whole).</summary>
public sealed class ProblemList
{
    public const string Root = "$";

    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    public int Count => _problems.Values.Sum(p => p.Count);

    public void Add(string path, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        if (!_problems.TryGetValue(path, out var messages))
        {
            _problems[path] = messages = [];
        }

        messages.Add(message);
    }

    public void AddRange(string path, IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Add(path, message);
        }
    }

    /// <summary>The problems as RFC 7807 validation errors: path → messages.</summary>
    public Dictionary<string, string[]> ToErrors() => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>A child path: <c>steps[2]</c> + <c>name</c> → <c>steps[2].name</c>.</summary>
    public static string Join(string parent, string field) => parent == Root || parent.Length == 0 ? field : $"{parent}.{field}";

    public static string Index(string parent, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
