using System.Text.RegularExpressions;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Python dependencies from <c>requirements.txt</c> (<c>name==1.0</c>, <c>name&gt;=1.0</c>, bare names) and
/// <c>pyproject.toml</c> (<c>[project] dependencies</c> and <c>[tool.poetry.dependencies]</c>), read line by
/// line: enough TOML for these two tables, not a TOML parser.
/// </summary>
public static partial class PythonManifestParser
{
    public const string Ecosystem = "pypi";

    /// <summary>The requirements in a <c>requirements.txt</c>; options (<c>-r</c>, <c>-e</c>, …) and URLs are ignored.</summary>
    public static IReadOnlyList<DependencyInfo> ParseRequirements(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<DependencyInfo>();
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (line.Length > 0 && !line.StartsWith('-') && ParseRequirement(line, source) is { } dependency)
            {
                result.Add(dependency);
            }
        }

        return result;
    }

    /// <summary>The dependencies in a <c>pyproject.toml</c> (PEP 621 and Poetry); Poetry's <c>python</c> entry is not one.</summary>
    public static IReadOnlyList<DependencyInfo> ParsePyProject(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<DependencyInfo>();
        string? table = null;
        var inProjectList = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (inProjectList)
            {
                inProjectList = AddQuoted(line, source, result);
                continue;
            }

            if (line.StartsWith('['))
            {
                table = line.Trim('[', ']', ' ');
                continue;
            }

            if (table == "project" && ProjectDependencies().Match(line) is { Success: true } list)
            {
                inProjectList = AddQuoted(list.Groups["rest"].Value, source, result);
            }
            else if (table == "tool.poetry.dependencies" && PoetryEntry().Match(line) is { Success: true } entry && entry.Groups["name"].Value != "python")
            {
                result.Add(new DependencyInfo(Ecosystem, entry.Groups["name"].Value, PoetryVersion(entry.Groups["value"].Value), source));
            }
        }

        return result;
    }

    private static DependencyInfo? ParseRequirement(string requirement, string source)
    {
        var match = Requirement().Match(requirement.Split(';')[0].Trim());
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"].Value.Trim();
        if (version.StartsWith("==", StringComparison.Ordinal))
        {
            version = version[2..].Trim();
        }

        return new DependencyInfo(Ecosystem, match.Groups["name"].Value, version.Length == 0 ? null : version, source);
    }

    // Adds the quoted requirements on one line of a TOML array; false once the array is closed.
    private static bool AddQuoted(string line, string source, List<DependencyInfo> result)
    {
        foreach (Match quoted in QuotedString().Matches(line))
        {
            if (ParseRequirement(quoted.Groups["value"].Value, source) is { } dependency)
            {
                result.Add(dependency);
            }
        }

        return !QuotedString().Replace(line, string.Empty).Contains(']', StringComparison.Ordinal);
    }

    private static string? PoetryVersion(string value)
    {
        var inline = InlineVersion().Match(value);
        var version = inline.Success ? inline.Groups["value"].Value : value.Trim().Trim('"', '\'');
        return version.Length == 0 || version.StartsWith('{') ? null : version;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.TrimStart().StartsWith('#') ? string.Empty : hash >= 0 ? line[..hash] : line;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(?<version>[<>=!~].*)?$")]
    private static partial Regex Requirement();

    [GeneratedRegex(@"^dependencies\s*=\s*(?<rest>\[.*)$")]
    private static partial Regex ProjectDependencies();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?<value>.+)$")]
    private static partial Regex PoetryEntry();

    [GeneratedRegex(@"version\s*=\s*[""'](?<value>[^""']*)[""']")]
    private static partial Regex InlineVersion();

    [GeneratedRegex(@"[""'](?<value>[^""']*)[""']")]
    private static partial Regex QuotedString();
}
