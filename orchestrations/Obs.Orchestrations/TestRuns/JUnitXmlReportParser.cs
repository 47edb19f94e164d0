using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Reads JUnit XML: pytest's <c>--junitxml</c> output and the generic dialect other tools write
/// (Maven Surefire, Gradle, jest-junit, go-junit-report…). Unknown elements and attributes are ignored.
/// </summary>
/// <remarks>
/// Cases are grouped by file: the case's <c>file</c> attribute when present; for pytest (which by
/// default writes no <c>file</c>) the module path derived from <c>classname</c>
/// (<c>tests.test_math.TestCalc</c> → <c>tests/test_math.py</c>); otherwise the suite's own
/// <c>file</c> or name. Case start times are derived from the suite <c>timestamp</c> plus the
/// durations before them, unless a case carries its own <c>timestamp</c>.
/// </remarks>
public sealed class JUnitXmlReportParser
{
    /// <summary>The <see cref="TestReport.Format"/> this parser produces.</summary>
    public const string Format = "junit";

    /// <summary>pytest's default <c>junit_suite_name</c>.</summary>
    private const string PytestSuiteName = "pytest";

    /// <summary>Parses the report at <paramref name="path"/>.</summary>
    /// <exception cref="TestReportFormatException">The file is not well-formed JUnit XML.</exception>
    public TestReport ParseFile(string path) => Parse(ReportXml.LoadFile(path), path);

    /// <summary>Parses a report from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The text is not well-formed JUnit XML.</exception>
    public TestReport Parse(TextReader reader, string source) => Parse(ReportXml.Load(reader, source), source);

    /// <summary>Parses a report from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The stream is not well-formed JUnit XML.</exception>
    public TestReport Parse(Stream stream, string source) => Parse(ReportXml.Load(stream, source), source);

    private static TestReport Parse(XDocument document, string source)
    {
        var root = ReportXml.Root(document, source, "<testsuites> or <testsuite> (JUnit XML)", "testsuites", "testsuite");
        var suiteElements = root.DescendantsAndSelf()
            .Where(e => e.Name.LocalName == "testsuite" && e.Children("testcase").Any())
            .ToList();

        var suites = suiteElements.SelectMany(ReadSuite).ToList();
        var rawDurations = suiteElements.Sum(s => SuiteDuration(s).Ticks);
        var duration = root.Name.LocalName == "testsuites" && root.Attr("time") is { } time
            ? ReportXml.Seconds(time)
            : TimeSpan.FromTicks(rawDurations);

        return new TestReport
        {
            Format = Format,
            Source = source,
            Suites = suites,
            StartTime = suiteElements.Select(s => ReportXml.Time(s.Attr("timestamp"))).Where(t => t is not null).Min(),
            Duration = duration,
        };
    }

    private static IEnumerable<TestSuiteReport> ReadSuite(XElement suite)
    {
        var name = suite.Attr("name") is { Length: > 0 } n ? n : "testsuite";
        var timestamp = ReportXml.Time(suite.Attr("timestamp"));
        var suiteFile = suite.Attr("file") ?? suite.Attr("filepath");
        var isPytest = name == PytestSuiteName
            || suite.Descendants().Any(e => e.Attr("type")?.StartsWith("pytest.", StringComparison.Ordinal) == true);

        var adapter = suite.Attr("hostname");
        var cases = new List<TestCaseReport>();
        var cursor = timestamp;
        foreach (var element in suite.Children("testcase"))
        {
            var testCase = JUnitCaseReader.Read(element, cursor, adapter);
            if (testCase.File is null && isPytest && PytestModuleFile(testCase.IsCollectionError ? testCase.Name : testCase.ClassName) is { } module)
            {
                testCase = testCase with { File = module };
            }

            cases.Add(testCase);
            cursor = testCase.StartTime + testCase.Duration;
        }

        var groups = cases.GroupBy(c => c.File ?? suiteFile ?? name, StringComparer.Ordinal).ToList();
        if (groups.Count == 1)
        {
            yield return new TestSuiteReport
            {
                Name = groups[0].Key,
                FilePath = cases[0].File ?? suiteFile,
                Timestamp = timestamp ?? cases[0].StartTime,
                Duration = SuiteDuration(suite),
                Cases = cases,
            };
            yield break;
        }

        foreach (var group in groups)
        {
            var groupCases = group.ToList();
            yield return new TestSuiteReport
            {
                Name = group.Key,
                FilePath = groupCases[0].File ?? suiteFile,
                Timestamp = groupCases[0].StartTime ?? timestamp,
                Duration = TimeSpan.FromTicks(groupCases.Sum(c => c.Duration.Ticks)),
                Cases = groupCases,
            };
        }
    }

    private static TimeSpan SuiteDuration(XElement suite) =>
        suite.Attr("time") is { } time
            ? ReportXml.Seconds(time)
            : TimeSpan.FromTicks(suite.Children("testcase").Sum(c => ReportXml.Seconds(c.Attr("time")).Ticks));

    /// <summary>
    /// pytest's <c>classname</c> is the dotted module path, then any <c>Test*</c> classes:
    /// the module ends before the first capitalised part.
    /// </summary>
    internal static string? PytestModuleFile(string? className)
    {
        if (string.IsNullOrEmpty(className))
        {
            return null;
        }

        var parts = className.Split('.').TakeWhile(p => p.Length > 0 && !char.IsUpper(p[0])).ToList();
        return parts.Count == 0 ? null : string.Join('/', parts) + ".py";
    }
}
