using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>The <c>junit</c> framework: any command that writes JUnit XML to <c>{report}</c>.</summary>
public sealed class OrchestrationJUnitTests
{
    private const string Report =
        "<testsuite name=\"calc\" tests=\"3\" failures=\"1\" skipped=\"1\" time=\"0.3\">"
        + "<testcase classname=\"calc\" name=\"adds\" time=\"0.1\"/>"
        + "<testcase classname=\"calc\" name=\"divides\" time=\"0.1\"><failure message=\"expected 3 got 4\" type=\"AssertionError\">trace</failure></testcase>"
        + "<testcase classname=\"calc\" name=\"later\" time=\"0.1\"><skipped message=\"not yet\"/></testcase>"
        + "</testsuite>";

    [Fact]
    public async Task Run_CommandWritingJUnit_ParsesItIntoTheResultAndSpans()
    {
        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var request = new TestRunRequest
        {
            Framework = TestRunRequest.JUnit,
            Path = harness.Root,
            Command = ["sh", "-c", $"echo running; printf '%s' '{Report}' > {TestRunRequest.ReportPlaceholder}; exit 1"],
        };

        TestRunResult result;
        ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            result = await harness.RunAsync(request);
        }

        Assert.False(result.Success);
        Assert.Equal((3, 1, 1, 1, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        var target = Assert.Single(result.Targets);
        Assert.Equal(harness.Root, target.Target);
        Assert.Equal(1, target.ExitCode);
        Assert.Null(target.Error);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("divides", "calc", "AssertionError", "expected 3 got 4"), (failure.Name, failure.ClassName, failure.Type, failure.Message));
        Assert.Contains("running", harness.LinesOf(harness.Root));

        var spans = collector.InTrace(traceId);
        var suite = Assert.Single(spans, s => s.DisplayName == SpanNames.TestSuiteExecute);
        Assert.Equal(TestRunRequest.JUnit, suite.GetTagItem(AttributeKeys.Test.Framework));
        Assert.Equal("failure", suite.GetTagItem(AttributeKeys.Test.SuiteRunStatus));
        var file = Assert.Single(spans, s => s.DisplayName.StartsWith(SpanNames.TestFilePrefix, StringComparison.Ordinal));
        var activity = Assert.Single(spans, s => s.SpanId == file.ParentSpanId);
        Assert.Equal(suite.SpanId, activity.ParentSpanId);
        Assert.Equal(SpanNames.TestCommand, activity.DisplayName);
        Assert.Equal(3, spans.Count(s => s.ParentSpanId == file.SpanId));
    }

    [Fact]
    public async Task Run_CommandWritingNoReport_FailsTheTargetWithTheOutputTail()
    {
        await using var harness = await OrchestrationHarness.StartAsync();
        var request = new TestRunRequest
        {
            Framework = TestRunRequest.JUnit,
            Path = harness.Root,
            Command = ["sh", "-c", "echo 'usage: bad flag' >&2; exit 4"],
        };

        var result = await harness.RunAsync(request);

        Assert.False(result.Success);
        var target = Assert.Single(result.Targets);
        Assert.Equal(4, target.ExitCode);
        Assert.Equal("exited with code 4 without writing a test report", target.Error);
        Assert.Contains("usage: bad flag", target.OutputTail ?? []);
    }

    [Fact]
    public async Task Run_TargetPastItsTimeout_IsKilledAndFails()
    {
        await using var harness = await OrchestrationHarness.StartAsync();
        var request = new TestRunRequest
        {
            Framework = TestRunRequest.JUnit,
            Path = harness.Root,
            Command = ["sh", "-c", "sleep 30"],
            TimeoutSeconds = 0.5,
        };

        var result = await harness.RunAsync(request);

        var target = Assert.Single(result.Targets);
        Assert.Null(target.ExitCode);
        Assert.StartsWith("timed out", target.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("junit", null, "the junit framework needs a command that writes JUnit XML to {report}")]
    [InlineData("mocha", null, "unknown test framework 'mocha': use pytest, dotnet or junit")]
    public async Task Run_InvalidRequest_FailsWithoutRunningAnything(string framework, string? command, string error)
    {
        await using var harness = await OrchestrationHarness.StartAsync();

        var result = await harness.RunAsync(new TestRunRequest { Framework = framework, Path = harness.Root, Command = command is null ? null : [command] });

        Assert.False(result.Success);
        Assert.Equal(error, result.Error);
        Assert.Empty(result.Targets);
    }

    [Fact]
    public void Json_Request_IsSnakeCaseWithCaseSpansAsWords()
    {
        var registry = TestOrchestration.Register(new OrchestrationRegistry());
        var request = new TestRunRequest { Framework = "junit", Path = "/p", Command = ["x", "{report}"], CaseSpans = CaseSpanMode.Failed, MaxCaseSpans = 5, TimeoutSeconds = 9 };

        var json = registry.Serializer.Serialize(request);
        var back = registry.Serializer.Deserialize<TestRunRequest>(json);

        Assert.Contains("\"case_spans\":\"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"max_case_spans\":5", json, StringComparison.Ordinal);
        Assert.Contains("\"timeout_seconds\":9", json, StringComparison.Ordinal);
        Assert.Equal(CaseSpanMode.Failed, back!.CaseSpans);
        Assert.Equal(["x", "{report}"], back.Command);
    }
}
