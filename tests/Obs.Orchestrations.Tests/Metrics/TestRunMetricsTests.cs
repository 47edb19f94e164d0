using Obs.Orchestrations.TestRuns;
using Obs.Orchestrations.Tests.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;

namespace Obs.Orchestrations.Tests.Metrics;

/// <summary>
/// A test run on the local engine records its failed cases once. The test instruments are tagged by
/// framework only, which other tests share, so this class runs alone.
/// </summary>
[Collection(nameof(TestRunMetricsTests))]
[CollectionDefinition(nameof(TestRunMetricsTests), DisableParallelization = true)]
public sealed class TestRunMetricsTests
{
    private const string Report =
        "<testsuite name=\"calc\" tests=\"4\" failures=\"2\" errors=\"1\">"
        + "<testcase classname=\"calc\" name=\"adds\"/>"
        + "<testcase classname=\"calc\" name=\"divides\"><failure message=\"expected 3 got 4\"/></testcase>"
        + "<testcase classname=\"calc\" name=\"rounds\"><failure message=\"expected 1 got 2\"/></testcase>"
        + "<testcase classname=\"calc\" name=\"parses\"><error message=\"boom\"/></testcase>"
        + "</testsuite>";

    [Fact]
    public async Task Run_FailingCases_RecordsFailedAndErroredCasesOnce()
    {
        using var metrics = new ObsMetricCollector();
        await using var harness = await OrchestrationHarness.StartAsync();

        var result = await harness.RunAsync(new TestRunRequest
        {
            Framework = TestRunRequest.JUnit,
            Path = harness.Root,
            Command = ["sh", "-c", $"printf '%s' '{Report}' > {TestRunRequest.ReportPlaceholder}; exit 1"],
        });

        Assert.Equal((2, 1), (result.Failed, result.Errors));
        var failed = Assert.Single(metrics.Of(ObsInstruments.TestFailedName, AttributeKeys.Test.Framework, TestRunRequest.JUnit));
        Assert.Equal(3, failed.Value);
    }
}
