using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

public sealed class TrxReportParserTests
{
    private static TestReport Parse(string xml) => new TrxReportParser().Parse(new StringReader(xml), "run.trx");

    [Fact]
    public void Parse_XUnitRun_GroupsResultsByTestClass()
    {
        var report = Parse(TrxFixtures.XUnitRun);

        Assert.Equal(TrxReportParser.Format, report.Format);
        Assert.Equal(["Shop.Tests.CartTests", "Shop.Tests.PriceTests"], report.Suites.Select(s => s.Name));
        Assert.All(report.Suites, s => Assert.Equal("/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll", s.FilePath));
        Assert.Equal(new TestRunSummary(5, 1, 2, 1, 1, TimeSpan.FromSeconds(2.5)), report.Summarize());
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.Zero), report.StartTime);
    }

    [Fact]
    public void Parse_Results_KeepReportedStartTimesAndDurations()
    {
        var remove = Parse(TrxFixtures.XUnitRun).Suites[0].Cases[1];

        Assert.Equal("Shop.Tests.CartTests.Remove", remove.Name);
        Assert.Equal("Shop.Tests.CartTests", remove.ClassName);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, 500, TimeSpan.Zero), remove.StartTime);
        Assert.True(remove.StartTimeIsReported);
        Assert.Equal(TimeSpan.FromMilliseconds(250), remove.Duration);
    }

    [Fact]
    public void Parse_FailedResult_KeepsMessageStackTypeAndOutput()
    {
        var remove = Parse(TrxFixtures.XUnitRun).Suites[0].Cases[1];

        Assert.Equal(TestOutcome.Failed, remove.Outcome);
        Assert.Equal("System.InvalidOperationException : Cart is empty", remove.FailureMessage);
        Assert.Equal("System.InvalidOperationException", remove.FailureType);
        Assert.StartsWith("   at Shop.Cart.Remove() in /src/Shop/Cart.cs:line 42", remove.Details, StringComparison.Ordinal);
        Assert.Equal("removing item", remove.StdOut);
    }

    [Fact]
    public void Parse_XunitAssertionFailure_IsTheAssertionsException()
    {
        var total = Parse(TrxFixtures.XUnitRun).Suites[1].Cases[1];

        Assert.Equal(TestOutcome.Failed, total.Outcome);
        Assert.Equal("Xunit.Sdk.EqualException", total.FailureType);
        Assert.StartsWith("Assert.Equal() Failure", total.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotExecutedAndTimeout_AreSkippedAndError()
    {
        var price = Parse(TrxFixtures.XUnitRun).Suites[1];

        Assert.Equal([TestOutcome.Skipped, TestOutcome.Failed, TestOutcome.Error], price.Cases.Select(c => c.Outcome));
        Assert.Equal("pricing rework pending", price.Cases[0].FailureMessage);
    }

    [Fact]
    public void Parse_TheoryRow_KeepsItsArgumentsInTheName()
    {
        var add = Parse(TrxFixtures.XUnitRun).Suites[0].Cases[0];

        Assert.Equal("Shop.Tests.CartTests.Add(count: 2)", add.Name);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), add.Duration);
    }

    [Theory]
    [InlineData("Passed", TestOutcome.Passed)]
    [InlineData("Failed", TestOutcome.Failed)]
    [InlineData("NotExecuted", TestOutcome.Skipped)]
    [InlineData("Inconclusive", TestOutcome.Skipped)]
    [InlineData("Timeout", TestOutcome.Error)]
    [InlineData("Aborted", TestOutcome.Error)]
    [InlineData("Error", TestOutcome.Error)]
    public void MapOutcome_TrxOutcome_MapsToTheModel(string trx, TestOutcome expected) =>
        Assert.Equal(expected, TrxReportParser.MapOutcome(trx));

    [Fact]
    public void Parse_DataDrivenResult_FlattensItsRows()
    {
        const string trx = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="d1" testName="Sums" outcome="Failed" resultType="DataDrivenTest" duration="00:00:00.003">
                  <InnerResults>
                    <UnitTestResult testId="d1" testName="Sums (1,2)" outcome="Passed" duration="00:00:00.001" />
                    <UnitTestResult testId="d1" testName="Sums (2,2)" outcome="Failed" duration="00:00:00.002" />
                  </InnerResults>
                </UnitTestResult>
              </Results>
              <TestDefinitions>
                <UnitTest id="d1" name="Sums"><TestMethod codeBase="t.dll" className="MathTests" name="Sums" /></UnitTest>
              </TestDefinitions>
            </TestRun>
            """;

        var suite = Assert.Single(Parse(trx).Suites);

        Assert.Equal(["Sums (1,2)", "Sums (2,2)"], suite.Cases.Select(c => c.Name));
        Assert.Equal("MathTests", suite.Name);
    }

    [Fact]
    public void Parse_Malformed_ThrowsNamingTheFileAndLine()
    {
        var ex = Assert.Throws<TestReportFormatException>(() => Parse("<TestRun>\n<Results>\n<UnitTestResult outcome=\"Passed\">\n</TestRun>"));

        Assert.Equal("run.trx", ex.ReportPath);
        Assert.Equal(4, ex.Line);
        Assert.StartsWith("run.trx:4:", ex.Message, StringComparison.Ordinal);
    }
}
