namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The exception types of xUnit.net's own XML report (<c>-result-xml</c>), which an xunit v3 application writes beside
/// its TRX: each failed <c>&lt;test name="…"&gt;</c> has <c>&lt;failure exception-type="Xunit.Sdk.FalseException"&gt;</c>,
/// the one place that names xUnit.net's own assertion exceptions (its TRX leaves them unnamed).
/// </summary>
internal static class XunitReportExceptionTypes
{
    /// <summary>
    /// <paramref name="report"/> with each failed case's type taken from the xUnit.net report at <paramref name="path"/>
    /// (matched by test name); unchanged when there is no such report or it is not well-formed.
    /// </summary>
    public static TestReport Apply(TestReport report, string path)
    {
        if (!File.Exists(path))
        {
            return report;
        }

        Dictionary<string, string> types;
        try
        {
            types = ReportXml.LoadFile(path).Descendants()
                .Where(e => e.Name.LocalName == "test")
                .Select(t => (Name: t.Attr("name"), Type: t.Child("failure")?.Attr("exception-type")))
                .Where(t => !string.IsNullOrEmpty(t.Name) && !string.IsNullOrEmpty(t.Type))
                .GroupBy(t => t.Name!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Type!, StringComparer.Ordinal);
        }
        catch (TestReportFormatException)
        {
            return report;
        }

        return types.Count == 0 ? report : report with
        {
            Suites = [.. report.Suites.Select(s => s with { Cases = [.. s.Cases.Select(c => Typed(c, types))] })],
        };
    }

    private static TestCaseReport Typed(TestCaseReport testCase, Dictionary<string, string> types) =>
        testCase.Outcome is TestOutcome.Failed or TestOutcome.Error && types.TryGetValue(testCase.Name, out var type)
            ? testCase with { FailureType = type }
            : testCase;
}
