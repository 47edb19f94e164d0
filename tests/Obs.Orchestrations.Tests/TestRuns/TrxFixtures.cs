namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>VSTest TRX as <c>dotnet test --logger trx</c> writes it (xUnit adapter).</summary>
internal static class TrxFixtures
{
    public const string XUnitRun = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="5b8d8bc5-8b1e-4f83-9f2a-2a4c0b4e7e50" name="ci@build 2024-05-01 10:00:00" runUser="ci" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2024-05-01T10:00:00.0000000+00:00" queuing="2024-05-01T10:00:00.0000000+00:00" start="2024-05-01T10:00:00.5000000+00:00" finish="2024-05-01T10:00:03.0000000+00:00" />
          <TestSettings name="default" id="0f9a8f7e-6d5c-4b3a-9a1b-2c3d4e5f6a7b">
            <Deployment runDeploymentRoot="ci_build_2024-05-01_10_00_00" />
          </TestSettings>
          <Results>
            <UnitTestResult executionId="e1" testId="a1" testName="Shop.Tests.CartTests.Add(count: 2)" computerName="build" duration="00:00:00.0125000" startTime="2024-05-01T10:00:01.0000000+00:00" endTime="2024-05-01T10:00:01.0125000+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Passed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e1" />
            <UnitTestResult executionId="e2" testId="a2" testName="Shop.Tests.CartTests.Remove" computerName="build" duration="00:00:00.2500000" startTime="2024-05-01T10:00:01.5000000+00:00" endTime="2024-05-01T10:00:01.7500000+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Failed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e2">
              <Output>
                <StdOut>removing item</StdOut>
                <ErrorInfo>
                  <Message>System.InvalidOperationException : Cart is empty</Message>
                  <StackTrace>   at Shop.Cart.Remove() in /src/Shop/Cart.cs:line 42
           at Shop.Tests.CartTests.Remove() in /src/Shop.Tests/CartTests.cs:line 30</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e3" testId="a3" testName="Shop.Tests.PriceTests.Discount" computerName="build" duration="00:00:00" startTime="2024-05-01T10:00:02.0000000+00:00" endTime="2024-05-01T10:00:02.0000000+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="NotExecuted" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e3">
              <Output>
                <StdOut>Skipped: pricing rework pending</StdOut>
                <ErrorInfo>
                  <Message>pricing rework pending</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e4" testId="a4" testName="Shop.Tests.PriceTests.Total" computerName="build" duration="00:00:00.0030000" startTime="2024-05-01T10:00:02.1000000+00:00" endTime="2024-05-01T10:00:02.1030000+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Failed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e4">
              <Output>
                <ErrorInfo>
                  <Message>Assert.Equal() Failure: Values differ
        Expected: 10
        Actual:   12</Message>
                  <StackTrace>   at Shop.Tests.PriceTests.Total() in /src/Shop.Tests/PriceTests.cs:line 18</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e5" testId="a5" testName="Shop.Tests.PriceTests.Slow" computerName="build" duration="00:00:01.0000000" startTime="2024-05-01T10:00:02.2000000+00:00" endTime="2024-05-01T10:00:03.2000000+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Timeout" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e5" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Shop.Tests.CartTests.Add(count: 2)" storage="/src/shop.tests/bin/debug/net10.0/shop.tests.dll" id="a1">
              <Execution id="e1" />
              <TestMethod codeBase="/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Shop.Tests.CartTests" name="Shop.Tests.CartTests.Add(count: 2)" />
            </UnitTest>
            <UnitTest name="Shop.Tests.CartTests.Remove" storage="/src/shop.tests/bin/debug/net10.0/shop.tests.dll" id="a2">
              <Execution id="e2" />
              <TestMethod codeBase="/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Shop.Tests.CartTests" name="Shop.Tests.CartTests.Remove" />
            </UnitTest>
            <UnitTest name="Shop.Tests.PriceTests.Discount" storage="/src/shop.tests/bin/debug/net10.0/shop.tests.dll" id="a3">
              <Execution id="e3" />
              <TestMethod codeBase="/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Shop.Tests.PriceTests" name="Shop.Tests.PriceTests.Discount" />
            </UnitTest>
            <UnitTest name="Shop.Tests.PriceTests.Total" storage="/src/shop.tests/bin/debug/net10.0/shop.tests.dll" id="a4">
              <Execution id="e4" />
              <TestMethod codeBase="/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Shop.Tests.PriceTests" name="Shop.Tests.PriceTests.Total" />
            </UnitTest>
            <UnitTest name="Shop.Tests.PriceTests.Slow" storage="/src/shop.tests/bin/debug/net10.0/shop.tests.dll" id="a5">
              <Execution id="e5" />
              <TestMethod codeBase="/src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Shop.Tests.PriceTests" name="Shop.Tests.PriceTests.Slow" />
            </UnitTest>
          </TestDefinitions>
          <TestEntries>
            <TestEntry testId="a1" executionId="e1" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" />
          </TestEntries>
          <TestLists>
            <TestList name="Results Not in a List" id="8c84fa94-04c1-424b-9868-57a2d4851a1d" />
          </TestLists>
          <ResultSummary outcome="Failed">
            <Counters total="5" executed="4" passed="1" failed="2" error="0" timeout="1" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="1" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
          </ResultSummary>
        </TestRun>
        """;
}
