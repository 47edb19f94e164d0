namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>Failed .NET tests as the reports of each runner keep them, cut from real runs of the samples.</summary>
internal static class DotnetFailureFixtures
{
    /// <summary>
    /// xunit v3 4.0.3's own runner, <c>-result-trx</c> (one line, as it writes it): an <c>Assert.False</c> with the user's
    /// message, a thrown exception and an <c>Assert.Equal</c>.
    /// </summary>
    public const string XunitV3Trx = """
        <TestRun id="fc34d7c0-ca88-409d-96b4-a5f8b242c391" name="unknown@unknown 2026-12-07T09:56:23.0387580+00:00" runUser="unknown" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Times creation="2026-12-07T09:56:23.0387580+00:00" queuing="2026-12-07T09:56:23.0387580+00:00" start="2026-12-07T09:56:23.0387580+00:00" finish="2026-12-07T09:56:23.3712917+00:00" /><Results><UnitTestResult testName="Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag" outcome="Failed" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" testId="ebb38a85-0406-4620-900f-f6f639aa7c6f" executionId="ebb38a85-0406-4620-900f-f6f639aa7c6f" computerName="unknown" duration="00:00:00.0000000" startTime="2026-12-07T09:56:23.3629314+00:00" endTime="2026-12-07T09:56:23.3641039+00:00"><Output><ErrorInfo><Message>OBS_SAMPLE_FAIL=1 makes this test fail on purpose</Message><StackTrace>   at Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag() in /tmp/i11f/dotnet-xunit-v3/CalculatorTests.cs:line 22
           at System.Reflection.MethodBaseInvoker.InterpretedInvoke_Method(Object obj, IntPtr* args)</StackTrace></ErrorInfo></Output></UnitTestResult><UnitTestResult testName="Sample.XunitV3.Tests.ThrowTests.Throws" outcome="Failed" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" testId="d0972766-3146-4411-a219-ca893bbb53b5" executionId="d0972766-3146-4411-a219-ca893bbb53b5" computerName="unknown" duration="00:00:00.0000000" startTime="2026-12-07T09:56:23.3241058+00:00" endTime="2026-12-07T09:56:23.3252195+00:00"><Output><ErrorInfo><Message>System.InvalidOperationException : boom</Message><StackTrace>   at Sample.XunitV3.Tests.ThrowTests.Throws() in /tmp/i11f/dotnet-xunit-v3/TextTests.cs:line 17</StackTrace></ErrorInfo></Output></UnitTestResult><UnitTestResult testName="Sample.XunitV3.Tests.ThrowTests.EqualFails" outcome="Failed" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" testId="106c374d-8b6a-4646-960d-3f68309687be" executionId="106c374d-8b6a-4646-960d-3f68309687be" computerName="unknown" duration="00:00:00.0340000" startTime="2026-12-07T09:56:23.2338689+00:00" endTime="2026-12-07T09:56:23.3229520+00:00"><Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ
        Expected: 1
        Actual:   2</Message><StackTrace>   at Sample.XunitV3.Tests.ThrowTests.EqualFails() in /tmp/i11f/dotnet-xunit-v3/TextTests.cs:line 20</StackTrace></ErrorInfo></Output></UnitTestResult></Results><TestDefinitions><UnitTest name="Sample.XunitV3.Tests.CalculatorTests.SampleFailureFlag" id="ebb38a85-0406-4620-900f-f6f639aa7c6f" storage="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll"><Execution id="ebb38a85-0406-4620-900f-f6f639aa7c6f" /><TestMethod codeBase="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll" className="Sample.XunitV3.Tests.CalculatorTests" name="SampleFailureFlag" adapterTypeName="executor://fc34d7c0-ca88-409d-96b4-a5f8b242c391/xunit.v3/4.0.3" /></UnitTest><UnitTest name="Sample.XunitV3.Tests.ThrowTests.Throws" id="d0972766-3146-4411-a219-ca893bbb53b5" storage="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll"><Execution id="d0972766-3146-4411-a219-ca893bbb53b5" /><TestMethod codeBase="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll" className="Sample.XunitV3.Tests.ThrowTests" name="Throws" adapterTypeName="executor://fc34d7c0-ca88-409d-96b4-a5f8b242c391/xunit.v3/4.0.3" /></UnitTest><UnitTest name="Sample.XunitV3.Tests.ThrowTests.EqualFails" id="106c374d-8b6a-4646-960d-3f68309687be" storage="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll"><Execution id="106c374d-8b6a-4646-960d-3f68309687be" /><TestMethod codeBase="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll" className="Sample.XunitV3.Tests.ThrowTests" name="EqualFails" adapterTypeName="executor://fc34d7c0-ca88-409d-96b4-a5f8b242c391/xunit.v3/4.0.3" /></UnitTest></TestDefinitions><ResultSummary outcome="Failed"><Counters total="3" executed="3" passed="0" failed="3" error="0" /></ResultSummary></TestRun>
        """;

    /// <summary>
    /// The MSTest runner (MSTest.Sdk 4.5.3) with <c>--report-trx</c>: an <c>Assert.IsFalse</c> and a thrown exception.
    /// </summary>
    public const string MSTestRunnerTrx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="3f1e0f5a-1c2b-4d3e-8f9a-0b1c2d3e4f5a" name="root@vm 2026-12-07 09:56:38" runUser="root" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-12-07T09:56:38.6000000+00:00" queuing="2026-12-07T09:56:38.6000000+00:00" start="2026-12-07T09:56:38.6000000+00:00" finish="2026-12-07T09:56:38.9000000+00:00" />
          <Results>
            <UnitTestResult executionId="e5bb8d90-f19d-49de-9966-861a10f896c1" testId="1d0756f1-f454-8f47-9747-c8bfb4295416" testName="SampleFailureFlag" computerName="vm" duration="00:00:00.0349871" startTime="2026-12-07T09:56:38.7748792+00:00" endTime="2026-12-07T09:56:38.8118015+00:00" testType="13CDC9D9-DDB5-4fa4-A97D-D965CCFC6D4B" outcome="Failed" testListId="8C84FA94-04C1-424b-9868-57A2D4851A1D" relativeResultsDirectory="e5bb8d90-f19d-49de-9966-861a10f896c1">
              <Output>
                <ErrorInfo>
                  <Message>Assertion failed. Expected condition to be false.
        OBS_SAMPLE_FAIL=1 makes this test fail on purpose

        actual: true

        Assert.IsFalse(Fail)</Message>
                  <StackTrace>   at Sample.MSTest.Tests.CalculatorTests.SampleFailureFlag() in /tmp/i11f/dotnet-mstest/CalculatorTests.cs:line 22</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="198938ea-7013-49fa-a83a-58fc38712312" testId="1ed7fcd5-d9cf-8642-bd50-c512074016e6" testName="Throws" computerName="vm" duration="00:00:00.0061507" startTime="2026-12-07T09:56:38.8123233+00:00" endTime="2026-12-07T09:56:38.8235600+00:00" testType="13CDC9D9-DDB5-4fa4-A97D-D965CCFC6D4B" outcome="Failed" testListId="8C84FA94-04C1-424b-9868-57A2D4851A1D" relativeResultsDirectory="198938ea-7013-49fa-a83a-58fc38712312">
              <Output>
                <ErrorInfo>
                  <Message>Test method Sample.MSTest.Tests.ThrowTests.Throws threw exception:
        System.InvalidOperationException: boom</Message>
                  <StackTrace>   at Sample.MSTest.Tests.ThrowTests.Throws() in /tmp/i11f/dotnet-mstest/CalculatorTests.cs:line 31</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
          </Results>
          <TestDefinitions>
            <UnitTest name="SampleFailureFlag" storage="/tmp/i11f/dotnet-mstest/bin/debug/net10.0/sample.mstest.tests.dll" id="1d0756f1-f454-8f47-9747-c8bfb4295416">
              <Execution id="e5bb8d90-f19d-49de-9966-861a10f896c1" />
              <TestMethod codeBase="/tmp/i11f/dotnet-mstest/bin/Debug/net10.0/Sample.MSTest.Tests.dll" adapterTypeName="executor://MSTest.Sdk/4.5.3" className="Sample.MSTest.Tests.CalculatorTests" name="SampleFailureFlag" />
            </UnitTest>
            <UnitTest name="Throws" storage="/tmp/i11f/dotnet-mstest/bin/debug/net10.0/sample.mstest.tests.dll" id="1ed7fcd5-d9cf-8642-bd50-c512074016e6">
              <Execution id="198938ea-7013-49fa-a83a-58fc38712312" />
              <TestMethod codeBase="/tmp/i11f/dotnet-mstest/bin/Debug/net10.0/Sample.MSTest.Tests.dll" adapterTypeName="executor://MSTest.Sdk/4.5.3" className="Sample.MSTest.Tests.ThrowTests" name="Throws" />
            </UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    /// <summary>
    /// JunitXml.TestLogger (<c>dotnet test --logger junit</c>) on xUnit.net: every failure typed <c>failure</c>, the
    /// adapter as the suite's <c>hostname</c>.
    /// </summary>
    public const string JUnitLogger = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites name="Sample.Tests.dll" tests="3" failures="3" time="0.07">
          <testsuite name="Sample.Tests.dll" tests="3" skipped="0" failures="3" errors="0" time="0.07" timestamp="2026-12-07T09:52:01Z" hostname="executor://xunit/VsTestRunner3/netcore/">
            <testcase classname="Sample.Tests.CalculatorTests" name="SampleFailureFlag" file="/tmp/i11f/dotnet-xunit/bin/Debug/net10.0/Sample.Tests.dll" time="0.0016622">
              <failure type="failure" message="OBS_SAMPLE_FAIL=1 makes this test fail on purpose">   at Sample.Tests.CalculatorTests.SampleFailureFlag() in /tmp/i11f/dotnet-xunit/CalculatorTests.cs:line 22</failure>
            </testcase>
            <testcase classname="Sample.Tests.ThrowTests" name="Throws" file="/tmp/i11f/dotnet-xunit/bin/Debug/net10.0/Sample.Tests.dll" time="0.0003741">
              <failure type="failure" message="System.InvalidOperationException : boom">   at Sample.Tests.ThrowTests.Throws() in /tmp/i11f/dotnet-xunit/CalculatorTests.cs:line 30</failure>
            </testcase>
            <testcase classname="Sample.Tests.ThrowTests" name="EqualFails" file="/tmp/i11f/dotnet-xunit/bin/Debug/net10.0/Sample.Tests.dll" time="0.0029041">
              <failure type="failure" message="Assert.Equal() Failure: Values differ&#xA;Expected: 1&#xA;Actual:   2">   at Sample.Tests.ThrowTests.EqualFails() in /tmp/i11f/dotnet-xunit/CalculatorTests.cs:line 33</failure>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    /// <summary>xunit v3 4.0.3's own runner, <c>-result-junit</c>: untyped failures, no adapter.</summary>
    public const string XunitV3JUnit = """
        <testsuites name="Test results" tests="2" failures="2" errors="0" disabled="0" time="0.336000" timestamp="2026-12-07T09:56:23"><testsuite name="/tmp/i11f/dotnet-xunit-v3/bin/Debug/net10.0/Sample.XunitV3.Tests.dll" tests="2" failures="2" errors="0" disabled="0" skipped="0" time="0.336000" timestamp="2026-12-07T09:56:23" hostname="localhost"><testcase name="Sample.XunitV3.Tests.ThrowTests.EqualFails" time="0.034000" classname="Sample.XunitV3.Tests.ThrowTests"><failure message="Assert.Equal() Failure: Values differ\nExpected: 1\nActual:   2">   at Sample.XunitV3.Tests.ThrowTests.EqualFails() in /tmp/i11f/dotnet-xunit-v3/TextTests.cs:line 20
           at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)</failure></testcase><testcase name="Sample.XunitV3.Tests.ThrowTests.Throws" time="0.000000" classname="Sample.XunitV3.Tests.ThrowTests"><failure message="System.InvalidOperationException : boom">   at Sample.XunitV3.Tests.ThrowTests.Throws() in /tmp/i11f/dotnet-xunit-v3/TextTests.cs:line 17
           at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)</failure></testcase></testsuite></testsuites>
        """;
}
