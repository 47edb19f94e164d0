using System.Globalization;
using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

public sealed class JUnitXmlReportParserTests
{
    private static readonly DateTimeOffset s_pytestStart =
        DateTimeOffset.Parse("2024-05-01T10:00:00", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal);

    private static TestReport Parse(string xml) => new JUnitXmlReportParser().Parse(new StringReader(xml), "report.xml");

    [Fact]
    public void Parse_PytestReport_GroupsCasesByModuleFile()
    {
        var report = Parse(JUnitFixtures.Pytest);

        Assert.Equal(JUnitXmlReportParser.Format, report.Format);
        Assert.Equal(["tests/test_db.py", "tests/test_math.py"], report.Suites.Select(s => s.Name));
        Assert.Equal([2, 4], report.Suites.Select(s => s.Total));
        Assert.Equal(TimeSpan.FromMilliseconds(50), report.Duration);
        Assert.Equal(new TestRunSummary(6, 1, 2, 2, 1, TimeSpan.FromMilliseconds(50)), report.Summarize());
    }

    [Fact]
    public void Parse_PytestParametrizedCases_KeepTheIdsInTheName()
    {
        var math = Parse(JUnitFixtures.Pytest).Suites[1];

        Assert.Equal(["test_add[1-2-3]", "test_add[2-2-5]", "test_skip", "test_div"], math.Cases.Select(c => c.Name));
        Assert.Equal("tests.test_math.TestCalc", math.Cases[3].ClassName);
        Assert.Equal("tests.test_math.TestCalc.test_div", math.Cases[3].FullName);
        Assert.All(math.Cases, c => Assert.Equal("tests/test_math.py", c.File));
    }

    [Fact]
    public void Parse_PytestFailure_KeepsMessageTypeAndDetails()
    {
        var failed = Parse(JUnitFixtures.Pytest).Suites[1].Cases[1];

        Assert.Equal(TestOutcome.Failed, failed.Outcome);
        Assert.Equal("assert (2 + 2) == 5", failed.FailureMessage);
        Assert.Equal("AssertionError", failed.FailureType);
        Assert.Contains("E       assert (2 + 2) == 5", failed.Details, StringComparison.Ordinal);
        Assert.EndsWith("tests/test_math.py:5: AssertionError", failed.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PytestCrash_TakesTheExceptionTypeAndOutput()
    {
        var crashed = Parse(JUnitFixtures.Pytest).Suites[1].Cases[3];

        Assert.Equal(TestOutcome.Failed, crashed.Outcome);
        Assert.Equal("ZeroDivisionError", crashed.FailureType);
        Assert.Equal("ZeroDivisionError: division by zero", crashed.FailureMessage);
        Assert.Equal("dividing", crashed.StdOut);
    }

    [Fact]
    public void Parse_PytestSetupError_IsAnErrorNotAFailure()
    {
        var error = Parse(JUnitFixtures.Pytest).Suites[0].Cases[0];

        Assert.Equal(TestOutcome.Error, error.Outcome);
        Assert.Equal("failed on setup with \"RuntimeError: no db\"", error.FailureMessage);
        Assert.Equal("RuntimeError", error.FailureType);
    }

    [Fact]
    public void Parse_PytestSkipAndXfail_AreSkippedWithTheirReason()
    {
        var report = Parse(JUnitFixtures.Pytest);
        var xfail = report.Suites[0].Cases[1];
        var skip = report.Suites[1].Cases[2];

        Assert.Equal(TestOutcome.Skipped, xfail.Outcome);
        Assert.Equal("known bug", xfail.FailureMessage);
        Assert.Equal("pytest.xfail", xfail.FailureType);
        Assert.Equal(TestOutcome.Skipped, skip.Outcome);
        Assert.Equal("not ready", skip.FailureMessage);
    }

    [Fact]
    public void Parse_NoCaseTimestamps_DerivesStartsFromTheSuiteTimestampAndDurations()
    {
        var report = Parse(JUnitFixtures.Pytest);
        var all = report.Cases.ToList();

        Assert.Equal(s_pytestStart, report.StartTime);
        Assert.Equal(s_pytestStart, all[0].StartTime);
        Assert.Equal(s_pytestStart.AddMilliseconds(10), all[1].StartTime);
        Assert.Equal(s_pytestStart.AddMilliseconds(30), all[2].StartTime);
        Assert.Equal(s_pytestStart.AddMilliseconds(33), all[5].StartTime);
        Assert.All(all, c => Assert.False(c.StartTimeIsReported));
        Assert.Equal(s_pytestStart.AddMilliseconds(30), report.Suites[1].Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(6), report.Suites[1].Duration);
    }

    [Fact]
    public void Parse_Xunit1Family_UsesTheFileAndLineAttributes()
    {
        var report = Parse(JUnitFixtures.PytestXunit1);

        Assert.Equal(["pkg/test_a.py", "pkg/test_b.py"], report.Suites.Select(s => s.Name));
        Assert.Equal("pkg/test_b.py", report.Suites[1].FilePath);
        Assert.Equal(7, report.Suites[1].Cases[0].Line);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 1, TimeSpan.Zero), report.Suites[1].Cases[0].StartTime);
    }

    [Fact]
    public void Parse_SurefireSuiteRoot_KeepsTheSuiteAndIgnoresUnknownElements()
    {
        var report = Parse(JUnitFixtures.Surefire);
        var suite = Assert.Single(report.Suites);
        var failed = suite.Cases[1];

        Assert.Equal("com.example.CalcTest", suite.Name);
        Assert.Equal(TimeSpan.FromSeconds(1234.5), suite.Duration);
        Assert.Null(suite.Timestamp);
        Assert.Null(failed.StartTime);
        Assert.Equal("org.opentest4j.AssertionFailedError", failed.FailureType);
        Assert.Equal("expected: <2> but was: <3>", failed.FailureMessage);
        Assert.Equal("computing", failed.StdOut);
        Assert.Equal([TestOutcome.Passed, TestOutcome.Failed, TestOutcome.Skipped], suite.Cases.Select(c => c.Outcome));
    }

    [Fact]
    public void Parse_MalformedXml_ThrowsNamingTheFileAndLine()
    {
        var ex = Assert.Throws<TestReportFormatException>(() => Parse(JUnitFixtures.Malformed));

        Assert.Equal("report.xml", ex.ReportPath);
        Assert.NotNull(ex.Line);
        Assert.StartsWith($"report.xml:{ex.Line}: malformed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_WrongFormat_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"obs-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, TrxFixtures.XUnitRun);
        try
        {
            var ex = Assert.Throws<TestReportFormatException>(() => new JUnitXmlReportParser().ParseFile(path));

            Assert.Equal(path, ex.ReportPath);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("<TestRun>", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_HugeOutput_IsBounded()
    {
        var xml = $"""<testsuite name="s"><testcase name="t"><system-out>{new string('x', ReportText.MaxLength * 2)}</system-out></testcase></testsuite>""";

        var stdout = Parse(xml).Suites[0].Cases[0].StdOut;

        Assert.NotNull(stdout);
        Assert.True(stdout.Length < ReportText.MaxLength + 100);
        Assert.EndsWith("more characters truncated]", stdout, StringComparison.Ordinal);
    }
}
