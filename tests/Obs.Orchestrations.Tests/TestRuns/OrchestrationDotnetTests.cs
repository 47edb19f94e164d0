using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>The <c>Test</c> orchestration running the real <c>dotnet test</c> on a copy of <c>samples/dotnet-xunit</c> (30–60 s).</summary>
public sealed class OrchestrationDotnetTests
{
    [Fact]
    public async Task Run_XunitSampleWithCoverageAndAFailure_CountsEveryOutcomeAndWritesTheSpanTree()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("dotnet-xunit");

        TestRunResult result;
        ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            result = await harness.RunAsync(new TestRunRequest
            {
                Framework = TestFramework.Dotnet,
                Path = path,
                Coverage = true,
                Env = new Dictionary<string, string?> { ["OBS_SAMPLE_FAIL"] = "1" },
            });
        }

        var target = Assert.Single(result.Targets);
        Assert.Null(target.Error);
        Assert.Equal("Sample.Tests.csproj", target.Target);
        Assert.Equal((5, 3, 1, 1, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        Assert.False(result.Success);
        Assert.InRange(result.CoveragePercentage ?? -1, 0, 100);

        // test.suite.execute → test.file.<project> → test.case spans (the test class is no level of its own),
        // with results and the failure as an exception event.
        var spans = collector.InTrace(traceId);
        var suite = Assert.Single(spans, s => s.DisplayName == SpanNames.TestSuiteExecute);
        var cases = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(5, cases.Count);
        var file = Assert.Single(spans, s => s.SpanId == cases[0].ParentSpanId);
        Assert.Equal(SpanNames.TestFile(Assert.Single(result.Targets).Target), file.DisplayName);
        Assert.Equal(suite.SpanId, file.ParentSpanId);
        Assert.All(cases, c => OrchestrationPytestTests.AssertInside(file, c));
        Assert.All(cases, c => Assert.Equal(file.SpanId, c.ParentSpanId));
        var failed = Assert.Single(cases, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "failed");
        Assert.Equal("fail", failed.GetTagItem(AttributeKeys.Test.CaseResultStatus));
        // Assert.False with a message of the test's own: xunit's adapter names no type, but it is xunit's assertion.
        var exception = Assert.Single(failed.Events, e => e.Name == "exception");
        Assert.Equal("Xunit.Sdk.XunitException", exception.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Single(cases, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "skipped");
        Assert.Equal(3, cases.Count(c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "passed"));
        Assert.Equal(TestFramework.Dotnet, suite.GetTagItem(AttributeKeys.Test.Framework));
        Assert.Equal(ActivityStatusCode.Error, suite.Status);
    }
}
