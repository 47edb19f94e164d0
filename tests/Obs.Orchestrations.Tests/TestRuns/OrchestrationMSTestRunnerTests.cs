using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// The <c>Test</c> orchestration on <c>samples/dotnet-mstest</c>, an MSTest.Sdk project on the MSTest runner
/// (Microsoft.Testing.Platform, with its TRX extension): found, built and run as the executable it is, with counts
/// equal to <c>dotnet test</c>'s.
/// The sample is built once for the class; each run rebuilds incrementally.
/// </summary>
public sealed class OrchestrationMSTestRunnerTests(MSTestSample sample) : IClassFixture<MSTestSample>
{
    private static readonly Dictionary<string, string?> s_failOnPurpose = new() { ["OBS_SAMPLE_FAIL"] = "1" };

    [Fact]
    public async Task Run_MSTestSampleWithAFailure_CountsEqualDotnetTestAndWritesCaseSpans()
    {
        var reference = await sample.DotnetTestAsync(s_failOnPurpose);
        Assert.Equal((5, 3, 1, 1), reference);
        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();

        TestRunResult result;
        ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Dotnet, Path = sample.Location, Env = s_failOnPurpose });
        }

        var target = Assert.Single(result.Targets);
        Assert.Null(target.Error);
        Assert.Equal(sample.Project, target.Target);
        Assert.Equal(reference, (target.Total, target.Passed, target.Failed, target.Skipped));
        Assert.Equal(0, target.Errors);
        Assert.False(result.Success);
        var failure = Assert.Single(target.Failures);
        Assert.Equal("Sample.MSTest.Tests.CalculatorTests", failure.ClassName);
        Assert.Contains("OBS_SAMPLE_FAIL=1", failure.Message, StringComparison.Ordinal);

        // The test application itself ran (not dotnet test), and every case became a span with its outcome.
        var spans = collector.InTrace(traceId);
        var run = Assert.Single(spans, s => (string?)s.GetTagItem(AttributeKeys.Test.SuiteName) == sample.Project && s.GetTagItem(AttributeKeys.Process.ExecutableName) is not null);
        Assert.Equal("Sample.MSTest.Tests", run.GetTagItem(AttributeKeys.Process.ExecutableName));
        var cases = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(5, cases.Count);
        Assert.Equal(3, cases.Count(c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "passed"));
        Assert.Single(cases, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "skipped");
        var failed = Assert.Single(cases, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "failed");
        Assert.Contains(failed.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task Run_MSTestSampleAllPassing_Succeeds()
    {
        await using var harness = await OrchestrationHarness.StartAsync();

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Dotnet, Path = sample.Location });

        var target = Assert.Single(result.Targets);
        Assert.Null(target.Error);
        Assert.Equal((5, 4, 0, 1), (target.Total, target.Passed, target.Failed, target.Skipped));
        Assert.Equal(0, target.ExitCode);
        Assert.True(result.Success);
    }
}
