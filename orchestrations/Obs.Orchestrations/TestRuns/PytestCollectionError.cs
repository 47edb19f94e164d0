using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// A file pytest could not import (an <c>ImportError</c>, a <c>SyntaxError</c>, anything raised at import). Its JUnit
/// report has one <c>&lt;testcase classname="" name="tests.test_bad"&gt;</c> (the module's dotted path) with
/// <c>&lt;error message="collection failure"&gt;</c> and the traceback, whose <c>E   </c> lines end with the exception.
/// </summary>
internal static partial class PytestCollectionError
{
    /// <summary>pytest's message for every collection error.</summary>
    public const string Message = "collection failure";

    /// <summary>Whether <paramref name="testCase"/>, with <paramref name="problem"/> as its error, is a file that failed to collect.</summary>
    public static bool Is(XElement testCase, XElement? problem) =>
        problem is { Name.LocalName: "error" }
        && problem.Attr("message") == Message
        && string.IsNullOrEmpty(testCase.Attr("classname"));

    /// <summary>
    /// The exception the traceback ends with (<c>ModuleNotFoundError: No module named 'x'</c>) and its type; the
    /// traceback's first line and no type when no <c>E   Type: …</c> line is found.
    /// </summary>
    public static (string? Type, string? Line) Exception(string? details)
    {
        if (details is null)
        {
            return (null, null);
        }

        var lines = details.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var raised = lines.Select(l => ExceptionLine().Match(l)).LastOrDefault(m => m.Success);
        return raised is not null
            ? (raised.Groups["type"].Value, raised.Groups["line"].Value)
            : (null, lines.FirstOrDefault(l => l.Length > 0));
    }

    /// <summary><c>E   ModuleNotFoundError: No module named 'x'</c>; not <c>E     File "t.py", line 1</c>.</summary>
    [GeneratedRegex(@"^E\s+(?<line>(?<type>[A-Za-z_][\w.]*):(?: .*)?)$")]
    private static partial Regex ExceptionLine();
}
