using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>Reads one JUnit <c>&lt;testcase&gt;</c>.</summary>
internal static partial class JUnitCaseReader
{
    /// <param name="element">The <c>&lt;testcase&gt;</c>.</param>
    /// <param name="derivedStart">The start to use when the case has no <c>timestamp</c> of its own.</param>
    /// <param name="adapter">The VSTest adapter that ran the suite (JunitXml.TestLogger writes its executor URI as the <c>hostname</c>), if any.</param>
    public static TestCaseReport Read(XElement element, DateTimeOffset? derivedStart, string? adapter = null)
    {
        var reportedStart = ReportXml.Time(element.Attr("timestamp"));
        var problem = element.Child("failure") ?? element.Child("error");
        var skipped = element.Child("skipped");
        var outcome = problem?.Name.LocalName switch
        {
            "failure" => TestOutcome.Failed,
            "error" => TestOutcome.Error,
            _ => skipped is null ? TestOutcome.Passed : TestOutcome.Skipped,
        };
        var detail = problem ?? skipped;
        var message = detail?.Attr("message") is { Length: > 0 } m ? m : null;
        var details = ReportText.Bound(detail?.Value);
        if (PytestCollectionError.Is(element, problem))
        {
            var (raised, line) = PytestCollectionError.Exception(details);
            return Case(element, outcome, reportedStart, derivedStart) with
            {
                IsCollectionError = true,
                FailureMessage = ReportText.Bound(line is null ? message : $"{message}: {line}"),
                FailureType = raised,
                Details = details,
            };
        }

        return Case(element, outcome, reportedStart, derivedStart) with
        {
            FailureMessage = ReportText.Bound(message ?? (problem is null ? null : FirstLine(details))),
            FailureType = detail?.Attr("type") is { Length: > 0 } type && !IsPlaceholder(type)
                ? type
                : problem is null ? null : InferType(message, details) ?? DotnetExceptionType.FromMessage(message, adapter),
            Details = details,
        };
    }

    /// <summary>What every case has: its name, place, outcome, times and output.</summary>
    private static TestCaseReport Case(XElement element, TestOutcome outcome, DateTimeOffset? reportedStart, DateTimeOffset? derivedStart) => new()
    {
        Name = element.Attr("name") is { Length: > 0 } name ? name : "(unnamed)",
        ClassName = element.Attr("classname") ?? element.Attr("class"),
        File = element.Attr("file") is { Length: > 0 } file ? file : null,
        Line = ReportXml.Int(element.Attr("line")),
        Outcome = outcome,
        Duration = ReportXml.Seconds(element.Attr("time")),
        StartTime = reportedStart ?? derivedStart,
        StartTimeIsReported = reportedStart is not null,
        StdOut = ReportText.Bound(element.Child("system-out")?.Value),
        StdErr = ReportText.Bound(element.Child("system-err")?.Value),
    };

    /// <summary>
    /// pytest writes no <c>type</c>: its details end with <c>path.py:12: AssertionError</c>, and
    /// crash messages read <c>ZeroDivisionError: division by zero</c>.
    /// </summary>
    private static string? InferType(string? message, string? details)
    {
        if (details is not null && TrailingLocationType().Match(details) is { Success: true } located)
        {
            return located.Groups["type"].Value;
        }

        return message is not null && LeadingType().Match(message) is { Success: true } leading
            ? leading.Groups["type"].Value
            : null;
    }

    /// <summary>JunitXml.TestLogger writes the element's own name as the type: <c>&lt;failure type="failure"&gt;</c>.</summary>
    private static bool IsPlaceholder(string type) => type is "failure" or "error";

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].TrimEnd('\r');

    [GeneratedRegex(@":\d+: (?<type>[A-Za-z_][\w.]*)\s*\z")]
    private static partial Regex TrailingLocationType();

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Failure|Warning)):")]
    private static partial Regex LeadingType();
}
