using System.Text.RegularExpressions;

namespace Obs.Deploy.Tests;

/// <summary>Just enough PromQL lexing to list the metric names an expression selects.</summary>
internal static partial class PromQl
{
    private static bool IsKeyword(string word) => word.ToLowerInvariant() is
        "and" or "or" or "unless" or "bool" or "offset" or "by" or "without" or "on" or "ignoring"
        or "group_left" or "group_right" or "inf" or "nan" or "atan2";

    /// <summary>Metric names selected by <paramref name="expr"/> (identifiers that are not functions, keywords or labels).</summary>
    public static IReadOnlySet<string> MetricNames(string expr)
    {
        var text = StringLiteral().Replace(expr, " ");
        text = GrafanaVariable().Replace(text, " ");
        text = LabelMatchers().Replace(text, " ");
        text = RangeOrSubquery().Replace(text, " ");
        text = GroupingClause().Replace(text, " ");
        text = Modifier().Replace(text, " ");
        text = Number().Replace(text, " ");

        return Identifier().Matches(text)
            .Where(m => !IsKeyword(m.Value))
            .Select(m => m.Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+|\[\[[^\]]*\]\]")]
    private static partial Regex GrafanaVariable();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingClause();

    // "offset 1h", "offset -5m", "@ 1609746000", "@ start()".
    [GeneratedRegex(@"\boffset\s+-?\w+|@\s*(?:start\(\)|end\(\)|[\d.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Modifier();

    [GeneratedRegex(@"(?<![\w:])(?:0x[0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)")]
    private static partial Regex Number();

    // An identifier not followed by "(" (that would be a function or aggregation).
    [GeneratedRegex(@"(?<![\w:])[A-Za-z_:][\w:]*(?![\w:]|\s*\()")]
    private static partial Regex Identifier();
}
