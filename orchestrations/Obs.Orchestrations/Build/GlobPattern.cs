using System.Text;
using System.Text.RegularExpressions;

namespace Obs.Orchestrations.Build;

/// <summary>
/// A file glob over <c>/</c>-separated relative paths: <c>*</c> and <c>?</c> match within one path
/// segment, <c>**</c> matches any number of segments (including none). Case-sensitive.
/// </summary>
public sealed class GlobPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        Pattern = normalized.TrimStart('/');
        _regex = new Regex(ToRegex(Pattern), RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>The pattern, normalized to <c>/</c> separators and relative.</summary>
    public string Pattern { get; }

    /// <summary>True when <paramref name="relativePath"/> (with <c>/</c> or <c>\</c> separators) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return _regex.IsMatch(relativePath.Replace('\\', '/'));
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(new string(c, 1)),
                });
            }
        }

        return regex.Append('$').ToString();
    }
}
