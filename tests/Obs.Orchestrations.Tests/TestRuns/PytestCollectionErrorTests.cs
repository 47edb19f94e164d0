using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>A pytest file that fails to import: named by its path, with the exception it raised.</summary>
public sealed class PytestCollectionErrorTests
{
    private static List<TestCaseReport> Cases() =>
        [.. new JUnitXmlReportParser().Parse(new StringReader(PytestCollectionErrorFixtures.ImportAndSyntaxErrors), "report.xml").Suites.SelectMany(s => s.Cases)];

    [Fact]
    public void Parse_ImportError_IsTheFileWithTheExceptionItRaised()
    {
        var bad = Cases()[0];

        Assert.True(bad.IsCollectionError);
        Assert.Equal(TestOutcome.Error, bad.Outcome);
        Assert.Equal("tests/test_bad.py", bad.File);
        Assert.Equal("collection failure: ModuleNotFoundError: No module named 'missing_module_xyz'", bad.FailureMessage);
        Assert.Equal("ModuleNotFoundError", bad.FailureType);
        Assert.Contains("import missing_module_xyz", bad.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_SkipsTheSourceLinesForTheException()
    {
        var syntax = Cases()[1];

        Assert.Equal("tests/test_syntax.py", syntax.File);
        Assert.Equal("collection failure: SyntaxError: invalid syntax", syntax.FailureMessage);
        Assert.Equal("SyntaxError", syntax.FailureType);
    }

    [Fact]
    public void NodeId_OfAFileThatFailedToCollect_IsTheFile()
    {
        var bad = PytestNodeId.Apply(Cases()[0], "tests/test_bad.py");

        Assert.Equal("tests/test_bad.py", bad.Id);
    }

    [Fact]
    public void Parse_ErrorOfATest_IsNoCollectionError()
    {
        var cases = new JUnitXmlReportParser().Parse(new StringReader(JUnitFixtures.Pytest), "report.xml").Suites.SelectMany(s => s.Cases);

        Assert.DoesNotContain(cases, c => c.IsCollectionError);
    }
}
