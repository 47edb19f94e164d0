using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary><see cref="TestRunRequest.Validate"/>: every problem at once, the one check the CLI and the API share.</summary>
public sealed class TestRunRequestTests
{
    [Theory]
    [InlineData("pytest")]
    [InlineData("dotnet")]
    public void Validate_Defaults_NoProblems(string framework) =>
        Assert.Empty(new TestRunRequest { Framework = framework }.Validate());

    [Fact]
    public void Validate_JUnitWithCommand_NoProblems() =>
        Assert.Empty(new TestRunRequest { Framework = TestRunRequest.JUnit, Command = ["sh", "-c", "true"] }.Validate());

    [Fact]
    public void Validate_EverythingWrong_ListsEachProblem()
    {
        var problems = new TestRunRequest { Framework = "mocha", MaxCaseSpans = -1, TimeoutSeconds = 0 }.Validate();

        Assert.Equal(
            ["unknown test framework 'mocha': use pytest, dotnet or junit", "max_case_spans must not be negative.", "timeout_seconds must be positive, not 0."],
            problems);
    }

    [Fact]
    public void Validate_JUnitWithoutCommand_NamesTheReportPlaceholder() =>
        Assert.Equal(["the junit framework needs a command that writes JUnit XML to {report}"], new TestRunRequest { Framework = TestRunRequest.JUnit }.Validate());
}
