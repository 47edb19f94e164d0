using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// The <c>Test</c> orchestration on a sample project on Microsoft.Testing.Platform: found, built and run as the
/// executable it is, with counts equal to <c>dotnet test</c>'s. Each sample has <paramref name="cases"/> cases, one
/// skipped and, with <c>OBS_SAMPLE_FAIL=1</c>, one failing in <c>{assembly}.CalculatorTests</c> (an assertion whose
/// exception is <paramref name="failureType"/>). The sample is built
/// once for the class; each run rebuilds incrementally.
/// </summary>
public abstract class TestingPlatformSampleTests<TSample>(TSample sample, int cases, string assembly, string failureType) : IClassFixture<TSample>
    where TSample : BuiltSample
{
    private static readonly Dictionary<string, string?> s_failOnPurpose = new() { ["OBS_SAMPLE_FAIL"] = "1" };

    [Fact]
    public async Task Run_SampleWithAFailure_CountsEqualDotnetTestAndWritesCaseSpans()
    {
        var reference = await sample.DotnetTestAsync(s_failOnPurpose);
        Assert.Equal((cases, cases - 2, 1, 1), reference);
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
        Assert.Equal($"{assembly}.CalculatorTests", failure.ClassName);
        Assert.Contains("OBS_SAMPLE_FAIL=1", failure.Message, StringComparison.Ordinal);

        // The test application itself ran (not dotnet test), and every case became a span with its outcome.
        var spans = collector.InTrace(traceId);
        var run = Assert.Single(spans, s => (string?)s.GetTagItem(AttributeKeys.Test.SuiteName) == sample.Project && s.GetTagItem(AttributeKeys.Process.ExecutableName) is not null);
        Assert.Equal(assembly, run.GetTagItem(AttributeKeys.Process.ExecutableName));
        var caseSpans = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(cases, caseSpans.Count);
        Assert.Equal(cases - 2, caseSpans.Count(c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "passed"));
        Assert.Single(caseSpans, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "skipped");
        var failed = Assert.Single(caseSpans, c => (string?)c.GetTagItem(AttributeKeys.Test.CaseResult) == "failed");
        var exception = Assert.Single(failed.Events, e => e.Name == "exception");
        Assert.Equal(failureType, exception.Tags.Single(t => t.Key == "exception.type").Value);
    }

    [Fact]
    public async Task Run_SampleAllPassing_Succeeds()
    {
        await using var harness = await OrchestrationHarness.StartAsync();

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Dotnet, Path = sample.Location });

        var target = Assert.Single(result.Targets);
        Assert.Null(target.Error);
        Assert.Equal((cases, cases - 1, 0, 1), (target.Total, target.Passed, target.Failed, target.Skipped));
        Assert.Equal(0, target.ExitCode);
        Assert.True(result.Success);
    }
}

/// <summary><c>samples/dotnet-xunit-v3</c>: xunit v3 on Microsoft.Testing.Platform, no VSTest SDK.</summary>
public sealed class OrchestrationXunitV3Tests(XunitV3Sample sample) : TestingPlatformSampleTests<XunitV3Sample>(sample, cases: 7, "Sample.XunitV3.Tests", "Xunit.Sdk.FalseException");

/// <summary><c>samples/dotnet-mstest</c>: an MSTest.Sdk project on the MSTest runner, with its TRX extension.</summary>
public sealed class OrchestrationMSTestRunnerTests(MSTestSample sample) : TestingPlatformSampleTests<MSTestSample>(sample, cases: 5, "Sample.MSTest.Tests", "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException");
