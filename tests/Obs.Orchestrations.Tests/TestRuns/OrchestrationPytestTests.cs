using System.Diagnostics;
using Obs.Orchestrations.Processes;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// The <c>Test</c> orchestration on the real engine running the real pytest on a copy of
/// <c>samples/python-app</c>. pytest is found as a shell would (<c>pytest</c> on PATH, else
/// <c>python3 -m pytest</c>); without it the tests return early, unless <c>OBS_REQUIRE_PYTEST=1</c>
/// makes that a failure.
/// </summary>
public sealed class OrchestrationPytestTests
{
    private static readonly string[] s_sampleFiles = ["tests/test_calculator.py", "tests/test_strings.py"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_PythonSample_NinePassedOneSkippedInEitherMode(bool parallel)
    {
        if (!PytestAvailable())
        {
            return;
        }

        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("python-app");

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = path, Parallel = parallel });

        Assert.True(result.Success, Describe(result));
        Assert.Equal((10, 9, 0, 1, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        Assert.Equal(s_sampleFiles, result.Targets.Select(t => t.Target));
        Assert.All(result.Targets, t => Assert.Equal(0, t.ExitCode));
        Assert.Empty(result.Failures);
        Assert.Null(result.CoveragePercentage);
        Assert.NotEmpty(harness.LinesOf("tests/test_calculator.py"));
    }

    [Fact]
    public async Task Run_PythonSampleWithFailFlag_TwoFailuresAndTheSpanTree()
    {
        if (!PytestAvailable())
        {
            return;
        }

        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("python-app");
        var request = new TestRunRequest
        {
            Framework = TestFramework.Pytest,
            Path = path,
            Parallel = true,
            Env = new Dictionary<string, string?> { ["OBS_SAMPLE_FAIL"] = "1" },
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
        Assert.Equal((10, 7, 2, 1, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        Assert.All(result.Targets, t => Assert.Equal(1, t.ExitCode));
        Assert.Equal(2, result.Failures.Count);
        var failure = Assert.Single(result.Failures, f => f.Target == "tests/test_calculator.py");
        Assert.Equal("test_sample_failure_flag", failure.Name);
        Assert.Equal(TestOutcomeNames.Failed, failure.Result);
        Assert.Contains("OBS_SAMPLE_FAIL=1", failure.Message, StringComparison.Ordinal);

        var spans = collector.InTrace(traceId);
        var suite = Assert.Single(spans, s => s.DisplayName == SpanNames.TestSuiteExecute);
        Assert.Equal(TestFramework.Pytest, suite.GetTagItem(AttributeKeys.Test.Framework));
        Assert.Equal(10, suite.GetTagItem(AttributeKeys.Test.SuiteTotal));
        Assert.Equal(7, suite.GetTagItem(AttributeKeys.Test.SuitePassed));
        Assert.Equal(2, suite.GetTagItem(AttributeKeys.Test.SuiteFailed));
        Assert.Equal(1, suite.GetTagItem(AttributeKeys.Test.SuiteSkipped));
        Assert.IsType<double>(suite.GetTagItem(AttributeKeys.Test.SuiteDuration));
        Assert.Equal("failure", suite.GetTagItem(AttributeKeys.Test.SuiteRunStatus));

        // The original design's shape, one level per thing: test.suite.execute → test.file.* → test.case.*,
        // every name from the catalog, every child inside its parent.
        Assert.All(spans.Where(s => s.Source.Name != ObsSpanCollector.CallerSource.Name), s => Assert.True(
            s.DisplayName == SpanNames.TestSuiteExecute || s.DisplayName == SpanNames.TestDiscovery
                || s.DisplayName.StartsWith(SpanNames.TestFilePrefix, StringComparison.Ordinal)
                || s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal),
            $"span '{s.DisplayName}' is not a catalog test span"));
        var files = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestFilePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([.. s_sampleFiles.Select(SpanNames.TestFile)], files.Select(f => f.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(suite.SpanId, f.ParentSpanId));
        Assert.Equal(suite.SpanId, Assert.Single(spans, s => s.DisplayName == SpanNames.TestDiscovery).ParentSpanId);
        foreach (var child in spans.Where(s => s != suite && s.Source.Name != ObsSpanCollector.CallerSource.Name))
        {
            AssertInside(Assert.Single(spans, p => p.SpanId == child.ParentSpanId), child);
        }

        var file = Assert.Single(files, s => s.DisplayName == SpanNames.TestFile("tests/test_calculator.py"));
        Assert.Equal("tests/test_calculator.py", file.GetTagItem(AttributeKeys.Test.SuiteName));
        Assert.Equal("failure", file.GetTagItem(AttributeKeys.Test.SuiteRunStatus));
        Assert.Equal(ActivityStatusCode.Error, file.Status);

        var cases = spans.Where(s => s.ParentSpanId == file.SpanId).ToList();
        Assert.All(cases, c => Assert.StartsWith(SpanNames.TestCasePrefix, c.DisplayName, StringComparison.Ordinal));
        Assert.Equal(7, cases.Count);
        var failing = Assert.Single(cases, c => c.DisplayName == SpanNames.TestCase("test_sample_failure_flag"));
        Assert.Equal(TestOutcomeNames.Failed, failing.GetTagItem(AttributeKeys.Test.CaseResult));
        Assert.Equal("fail", failing.GetTagItem(AttributeKeys.Test.CaseResultStatus));
        Assert.Equal(ActivityStatusCode.Error, failing.Status);
        var exception = Assert.Single(failing.Events, e => e.Name == AttributeKeys.Error.ExceptionEvent);
        Assert.Contains(exception.Tags, t => t.Key == AttributeKeys.Error.ExceptionMessage && ((string?)t.Value ?? "").Contains("OBS_SAMPLE_FAIL", StringComparison.Ordinal));
        var skipped = Assert.Single(cases, c => c.DisplayName == SpanNames.TestCase("test_not_ready_yet"));
        Assert.Equal(TestOutcomeNames.Skipped, skipped.GetTagItem(AttributeKeys.Test.CaseResult));
        var passed = Assert.Single(cases, c => c.DisplayName == SpanNames.TestCase("test_divide"));
        Assert.Equal("pass", passed.GetTagItem(AttributeKeys.Test.CaseResultStatus));
    }

    [Fact]
    public async Task Run_PythonSampleWithCoverage_GivesAPercentage()
    {
        if (!PytestAvailable() || !await PytestCovAvailableAsync())
        {
            return;
        }

        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("python-app");

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = path, Parallel = true, Coverage = true });

        Assert.True(result.Success, Describe(result));
        // One file alone would count the other's sources as missed: only the combined run has a percentage.
        Assert.All(result.Targets, t => Assert.Null(t.CoveragePercentage));
        Assert.InRange(result.CoveragePercentage ?? -1, 0.01, 100);
    }

    [Fact]
    public async Task Run_CaseSpansFailedOnly_WritesOnlyTheFailingCases()
    {
        if (!PytestAvailable())
        {
            return;
        }

        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("python-app");
        var request = new TestRunRequest
        {
            Framework = TestFramework.Pytest,
            Path = path,
            CaseSpans = CaseSpanMode.Failed,
            Env = new Dictionary<string, string?> { ["OBS_SAMPLE_FAIL"] = "1" },
        };

        using var caller = ObsSpanCollector.CallerSource.StartActivity("caller");
        Assert.NotNull(caller);
        await harness.RunAsync(request);

        var cases = collector.InTrace(caller.TraceId).Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal));
        Assert.Equal(2, cases.Count());
    }

    [Fact]
    public async Task Run_PathWithoutTests_FailsWithAnError()
    {
        await using var harness = await OrchestrationHarness.StartAsync();
        var empty = Directory.CreateDirectory(Path.Combine(harness.Root, "empty")).FullName;

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = empty });

        Assert.False(result.Success);
        Assert.Empty(result.Targets);
        Assert.Contains("no pytest tests found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingPath_FailsNamingIt()
    {
        await using var harness = await OrchestrationHarness.StartAsync();
        var missing = Path.Combine(harness.Root, "nowhere");

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = missing });

        Assert.False(result.Success);
        Assert.Equal($"{missing}: no such directory", result.Error);
    }

    [Fact]
    public void Resolve_Pytest_BuildsTheCommandTheBriefNames()
    {
        var request = new TestRunRequest { Framework = TestFramework.Pytest, Path = "/src", Coverage = true, TimeoutSeconds = 30 };

        var command = TestCommandResolver.Resolve(request, "tests/test_a.py", "/tmp/r", pathVariable: "");

        Assert.Equal("python3", command.Process.FileName);
        // Coverage data only (an empty --cov-report): the run's percentage comes from every file's data combined.
        Assert.Equal(
            ["-m", "pytest", "tests/test_a.py", "--junitxml=/tmp/r/report.xml", "-q", "--cov=/src", "--cov-report="],
            command.Process.Arguments);
        Assert.Equal("/src", command.Process.WorkingDirectory);
        Assert.Equal(TimeSpan.FromSeconds(30), command.Process.Timeout);
        Assert.Equal("/tmp/r/.coverage", command.Process.Environment["COVERAGE_FILE"]);
        Assert.Null(command.CoveragePath);
    }

    internal static void AssertInside(Activity parent, Activity child)
    {
        Assert.True(child.StartTimeUtc >= parent.StartTimeUtc, $"{child.DisplayName} starts before {parent.DisplayName}");
        Assert.True(child.StartTimeUtc + child.Duration <= parent.StartTimeUtc + parent.Duration, $"{child.DisplayName} ends after {parent.DisplayName}");
    }

    internal static bool PytestAvailable()
    {
        if (TestFramework.FindOnPath("pytest", Environment.GetEnvironmentVariable("PATH")) is not null)
        {
            return true;
        }

        Assert.NotEqual("1", Environment.GetEnvironmentVariable("OBS_REQUIRE_PYTEST"));
        return false;
    }

    internal static async Task<bool> PytestCovAvailableAsync()
    {
        var pytest = TestFramework.ResolvePytestCommand();
        var help = await ChildProcessRunner.RunAsync(new ProcessSpec(pytest[0], [.. pytest.Skip(1), "--help"]) { TailLines = 1000 });
        if (help.StdoutTail.Any(l => l.Contains("--cov=", StringComparison.Ordinal)))
        {
            return true;
        }

        Assert.NotEqual("1", Environment.GetEnvironmentVariable("OBS_REQUIRE_PYTEST"));
        return false;
    }

    internal static string Describe(TestRunResult result) =>
        $"{result.Error} | " + string.Join(" | ", result.Targets.Select(t => $"{t.Target}: {t.Error} {string.Join('\n', t.OutputTail ?? [])}"))
        + " | " + string.Join(" | ", result.Failures.Select(f => $"{f.Name}: {f.Message}"));
}
