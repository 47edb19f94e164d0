using System.Globalization;
using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Reads VSTest TRX (<c>dotnet test --logger trx</c>): each <c>&lt;UnitTestResult&gt;</c> joined
/// with its <c>&lt;UnitTest&gt;</c> definition through <c>testId</c>; cases are grouped by test
/// class, with the test assembly as the file path. Data-driven results (<c>&lt;InnerResults&gt;</c>)
/// are flattened into their rows. Unknown elements are ignored.
/// </summary>
public sealed class TrxReportParser
{
    /// <summary>The <see cref="TestReport.Format"/> this parser produces.</summary>
    public const string Format = "trx";

    /// <summary>Parses the report at <paramref name="path"/>.</summary>
    /// <exception cref="TestReportFormatException">The file is not well-formed TRX.</exception>
    public TestReport ParseFile(string path) => Parse(ReportXml.LoadFile(path), path);

    /// <summary>Parses a report from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The text is not well-formed TRX.</exception>
    public TestReport Parse(TextReader reader, string source) => Parse(ReportXml.Load(reader, source), source);

    /// <summary>Parses a report from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The stream is not well-formed TRX.</exception>
    public TestReport Parse(Stream stream, string source) => Parse(ReportXml.Load(stream, source), source);

    /// <summary>Maps a TRX <c>outcome</c> (VSTest's <c>TestOutcome</c> names) onto <see cref="TestOutcome"/>.</summary>
    public static TestOutcome MapOutcome(string? outcome) => outcome switch
    {
        "Passed" or "PassedButRunAborted" or "Completed" or "Warning" => TestOutcome.Passed,
        "Failed" => TestOutcome.Failed,
        "NotExecuted" or "Skipped" or "Inconclusive" or "NotRunnable" or "Pending" or "None" => TestOutcome.Skipped,
        _ => TestOutcome.Error, // Error, Timeout, Aborted, Disconnected, InProgress, unknown
    };

    private static TestReport Parse(XDocument document, string source)
    {
        var root = ReportXml.Root(document, source, "<TestRun> (VSTest TRX)", "TestRun");
        var definitions = root.Child("TestDefinitions")?.Children("UnitTest")
            .Select(u => (Id: u.Attr("id"), Method: u.Child("TestMethod"), Storage: u.Attr("storage")))
            .Where(d => d.Id is not null)
            .GroupBy(d => d.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            ?? [];

        var results = root.Child("Results")?.Children("UnitTestResult").SelectMany(Rows) ?? [];
        var cases = new List<(TestCaseReport Case, string? CodeBase)>();
        foreach (var result in results)
        {
            var definition = definitions.GetValueOrDefault(result.Attr("testId") ?? string.Empty);
            var codeBase = definition.Method?.Attr("codeBase") ?? definition.Storage;
            cases.Add((ReadCase(result, definition.Method?.Attr("className"), definition.Method?.Attr("adapterTypeName")), codeBase));
        }

        var times = root.Child("Times");
        var start = ReportXml.Time(times?.Attr("start")) ?? ReportXml.Time(times?.Attr("creation"));
        var finish = ReportXml.Time(times?.Attr("finish"));
        var suites = cases
            .GroupBy(c => c.Case.ClassName ?? c.CodeBase ?? "tests", StringComparer.Ordinal)
            .Select(g => Suite(g.Key, g.First().CodeBase, [.. g.Select(c => c.Case)]))
            .ToList();

        return new TestReport
        {
            Format = Format,
            Source = source,
            Suites = suites,
            StartTime = start,
            Duration = start is { } s && finish is { } f && f >= s
                ? f - s
                : TimeSpan.FromTicks(suites.Sum(x => x.Duration.Ticks)),
        };
    }

    /// <summary>A data-driven parent's rows are the results; the parent only aggregates them.</summary>
    private static IEnumerable<XElement> Rows(XElement result) =>
        result.Child("InnerResults")?.Children("UnitTestResult").SelectMany(Rows) is { } inner && inner.Any()
            ? inner
            : [result];

    private static TestSuiteReport Suite(string name, string? codeBase, List<TestCaseReport> cases)
    {
        var first = cases.Where(c => c.StartTime is not null).Min(c => c.StartTime);
        var last = cases.Where(c => c.StartTime is not null).Max(c => c.StartTime + c.Duration);
        return new TestSuiteReport
        {
            Name = name,
            FilePath = codeBase,
            Timestamp = first,
            Duration = first is { } f && last is { } l ? l - f : TimeSpan.FromTicks(cases.Sum(c => c.Duration.Ticks)),
            Cases = cases,
        };
    }

    private static TestCaseReport ReadCase(XElement result, string? className, string? adapter)
    {
        var start = ReportXml.Time(result.Attr("startTime"));
        var end = ReportXml.Time(result.Attr("endTime"));
        var duration = TimeSpan.TryParse(result.Attr("duration"), CultureInfo.InvariantCulture, out var d) && d > TimeSpan.Zero
            ? d
            : start is { } s && end is { } e && e > s ? e - s : TimeSpan.Zero;
        var output = result.Child("Output");
        var error = output?.Child("ErrorInfo");
        var message = ReportText.Bound(error?.Child("Message")?.Value);
        var outcome = MapOutcome(result.Attr("outcome"));
        var testName = result.Attr("testName") is { Length: > 0 } n ? n : "(unnamed)";

        return new TestCaseReport
        {
            Name = testName,
            ClassName = className,
            Outcome = outcome,
            Duration = duration,
            StartTime = start,
            StartTimeIsReported = start is not null,
            FailureMessage = message,
            FailureType = outcome is TestOutcome.Failed or TestOutcome.Error ? DotnetExceptionType.FromMessage(message, adapter) : null,
            Details = ReportText.Bound(error?.Child("StackTrace")?.Value),
            StdOut = ReportText.Bound(output?.Child("StdOut")?.Value),
            StdErr = ReportText.Bound(output?.Child("StdErr")?.Value),
        };
    }
}
