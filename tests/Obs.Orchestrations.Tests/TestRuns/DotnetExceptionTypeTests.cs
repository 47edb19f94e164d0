using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>A failed .NET test's exception type, through each report format a .NET run leaves.</summary>
public sealed class DotnetExceptionTypeTests
{
    private static Dictionary<string, string?> TrxTypes(string xml) =>
        new TrxReportParser().Parse(new StringReader(xml), "run.trx").Suites.SelectMany(s => s.Cases)
            .ToDictionary(c => c.Name, c => c.FailureType);

    private static Dictionary<string, string?> JUnitTypes(string xml) =>
        new JUnitXmlReportParser().Parse(new StringReader(xml), "report.xml").Suites.SelectMany(s => s.Cases)
            .ToDictionary(c => c.Name, c => c.FailureType);

    [Fact]
    public void Trx_XunitV3Runner_NamesTheAssertionAndTheThrownException()
    {
        var types = TrxTypes(DotnetFailureFixtures.XunitV3Trx);

        Assert.Equal("Xunit.Sdk.EqualException", types["Sample.XunitV3.Tests.ThrowTests.EqualFails"]);
        Assert.Equal("System.InvalidOperationException", types["Sample.XunitV3.Tests.ThrowTests.Throws"]);
        Assert.Equal(DotnetExceptionType.XunitAssertion, types["Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag"]);
    }

    [Fact]
    public void Trx_MSTestRunner_NamesAssertFailedAndTheThrownException()
    {
        var types = TrxTypes(DotnetFailureFixtures.MSTestRunnerTrx);

        Assert.Equal("Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException", types["SampleFailureFlag"]);
        Assert.Equal("System.InvalidOperationException", types["Throws"]);
    }

    [Fact]
    public void JUnit_TestLoggerPlaceholderType_GivesWayToTheExceptionType()
    {
        var types = JUnitTypes(DotnetFailureFixtures.JUnitLogger);

        Assert.Equal("Xunit.Sdk.EqualException", types["EqualFails"]);
        Assert.Equal("System.InvalidOperationException", types["Throws"]);
        Assert.Equal(DotnetExceptionType.XunitAssertion, types["SampleFailureFlag"]);
    }

    [Fact]
    public void JUnit_XunitV3Runner_ReadsTheTypeFromTheMessage()
    {
        var types = JUnitTypes(DotnetFailureFixtures.XunitV3JUnit);

        Assert.Equal("Xunit.Sdk.EqualException", types["Sample.XunitV3.Tests.ThrowTests.EqualFails"]);
        Assert.Equal("System.InvalidOperationException", types["Sample.XunitV3.Tests.ThrowTests.Throws"]);
    }

    [Theory]
    [InlineData("System.AggregateException : One or more errors occurred.\n---- System.IO.IOException : disk", null, "System.AggregateException")]
    [InlineData("Shop.Errors+OutOfStock : none left", null, "Shop.Errors+OutOfStock")]
    [InlineData("Assert.Throws() Failure: No exception was thrown", null, "Xunit.Sdk.ThrowsException")]
    [InlineData("expected 2", "executor://mstestadapter/v2", DotnetExceptionType.MSTestAssertion)]
    [InlineData("expected 2", "executor://nunit3testexecutor/", null)]
    [InlineData("expected 2", null, null)]
    public void FromMessage_ReadsWhatTheFrameworkWrote(string message, string? adapter, string? expected) =>
        Assert.Equal(expected, DotnetExceptionType.FromMessage(message, adapter));
}
