using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>xunit v3's own XML report names the exception types its TRX leaves out.</summary>
public sealed class XunitReportExceptionTypesTests : IDisposable
{
    /// <summary>xunit v3 4.0.3's <c>-result-xml</c> of the same run as <see cref="DotnetFailureFixtures.XunitV3Trx"/>, cut to its tests.</summary>
    private const string XunitXml = """
        <assemblies schema-version="3" id="fb535a58-d386-4e0c-b56f-f2e29a668b35"><assembly name="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll" test-framework="xUnit.net v3 4.0.3+384aa7f0b4" total="3" failed="3"><collection name="Test collection for Sample.XunitV3.Tests.ThrowTests" total="2" failed="2"><test id="207bcc1c-0005-4aff-bb6a-42173e49d59f" name="Sample.XunitV3.Tests.ThrowTests.EqualFails" result="Fail" time="0.034" type="Sample.XunitV3.Tests.ThrowTests" method="EqualFails"><failure exception-type="Xunit.Sdk.EqualException"><message>Assert.Equal() Failure: Values differ</message><stack-trace>   at Sample.XunitV3.Tests.ThrowTests.EqualFails()</stack-trace></failure></test><test id="f1d57244-c4cd-4a42-a84d-8b14b06a0829" name="Sample.XunitV3.Tests.ThrowTests.Throws" result="Fail" time="0" type="Sample.XunitV3.Tests.ThrowTests" method="Throws"><failure exception-type="System.InvalidOperationException"><message>System.InvalidOperationException : boom</message></failure></test></collection><collection name="Test collection for Sample.XunitV3.Tests.CalculatorTests" total="1" failed="1"><test id="07546ea5-0c0c-44d8-872b-e08f49498a73" name="Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag" result="Fail" time="0" type="Sample.XunitV3.Tests.CalculatorTests" method="SampleFailureFlag"><failure exception-type="Xunit.Sdk.FalseException"><message>OBS_SAMPLE_FAIL=1 makes this test fail on purpose</message></failure></test></collection></assembly></assemblies>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-xunit-xml-").FullName;

    private TestReport Trx => new TrxReportParser().Parse(new StringReader(DotnetFailureFixtures.XunitV3Trx), "report.trx");

    [Fact]
    public void Apply_XunitReportBesideTheTrx_NamesTheAssertionWithTheUsersMessage()
    {
        var path = Path.Combine(_directory, TestApplicationOptions.XunitReportFileName);
        File.WriteAllText(path, XunitXml);

        var types = XunitReportExceptionTypes.Apply(Trx, path).Cases.ToDictionary(c => c.Name, c => c.FailureType);

        Assert.Equal("Xunit.Sdk.FalseException", types["Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag"]);
        Assert.Equal("Xunit.Sdk.EqualException", types["Sample.XunitV3.Tests.ThrowTests.EqualFails"]);
        Assert.Equal("System.InvalidOperationException", types["Sample.XunitV3.Tests.ThrowTests.Throws"]);
    }

    [Fact]
    public void Apply_NoXunitReport_KeepsTheTrxTypes()
    {
        var report = Trx;

        Assert.Same(report, XunitReportExceptionTypes.Apply(report, Path.Combine(_directory, "missing.xml")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
