using System.Text.RegularExpressions;

namespace Obs.Api.Tests.Contracts;

/// <summary>
/// The body column of a route in docs/http-api.md's route table: its top-level field names (in backticks)
/// and, for a field followed by <c>{…}</c> or <c>(…)</c>, the names of its own fields.
/// </summary>
internal sealed partial class HttpApiDocTable
{
    private HttpApiDocTable(IReadOnlyList<string> fields, IReadOnlyDictionary<string, List<string>> nested)
    {
        Fields = fields;
        Nested = nested;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyDictionary<string, List<string>> Nested { get; }

    /// <summary>The row <c>| `POST /route` | … |</c> of docs/http-api.md.</summary>
    public static HttpApiDocTable ForRoute(string route)
    {
        var prefix = $"| `POST /{route}` |";
        var row = File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "http-api.md")).Single(line => line.StartsWith(prefix, StringComparison.Ordinal));
        return Parse(row[prefix.Length..].TrimEnd().TrimEnd('|'));
    }

    public static HttpApiDocTable Parse(string cell)
    {
        var fields = new List<string>();
        var nested = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var depth = 0;
        string? parent = null;
        for (var i = 0; i < cell.Length; i++)
        {
            switch (cell[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth--;
                    break;
                case '`':
                    var end = cell.IndexOf('`', i + 1);
                    var name = cell[(i + 1)..end];
                    i = end;
                    if (!FieldName().IsMatch(name))
                    {
                        break;
                    }

                    if (depth == 0)
                    {
                        fields.Add(name);
                        parent = name;
                    }
                    else if (parent is not null)
                    {
                        (nested.TryGetValue(parent, out var list) ? list : nested[parent] = []).Add(name);
                    }

                    break;
            }
        }

        return new HttpApiDocTable(fields, nested);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Obs.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex FieldName();
}
