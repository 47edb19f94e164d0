using System.Diagnostics;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Keys = Obs.Telemetry.Catalog.AttributeKeys;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// Runs the real pytest (Debian's <c>python3-pytest</c>, under <c>/usr/bin/python3</c>) and parses its
/// <c>--junitxml</c>. Without pytest the test returns early, unless <c>OBS_REQUIRE_PYTEST=1</c> (CI) makes that a failure.
/// </summary>
public sealed class PytestEndToEndTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Pytest_RealRun_ParsesIntoTheModelAndSpans()
    {
        if (!await PytestAvailableAsync())
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("OBS_REQUIRE_PYTEST"));
            return;
        }

        _dir.Write("tests/test_arith.py", """
            import pytest

            def test_ok():
                assert 1 + 1 == 2

            @pytest.mark.parametrize("a,b,total", [(1, 2, 3), (2, 3, 5)])
            def test_add(a, b, total):
                assert a + b == total
            """);
        _dir.Write("tests/test_broken.py", """
            import pytest

            def test_fails():
                assert "x" == "y", "letters differ"

            @pytest.mark.skip(reason="not today")
            def test_skipped():
                pass
            """);
        var found = TestFramework.FindPytestFiles(_dir.Path);
        Assert.Equal(2, found.Count);

        var (exitCode, output) = await RunAsync(Python, "-m", "pytest", "-p", "no:cacheprovider", "--junitxml=report.xml", "tests");
        Assert.True(exitCode == 1, $"pytest exit code {exitCode} (1 = some tests failed):\n{output}");

        var report = new JUnitXmlReportParser().ParseFile(Path.Combine(_dir.Path, "report.xml"));

        Assert.Equal(["tests/test_arith.py", "tests/test_broken.py"], report.Suites.Select(s => s.Name));
        Assert.Equal(["test_ok", "test_add[1-2-3]", "test_add[2-3-5]"], report.Suites[0].Cases.Select(c => c.Name));
        Assert.Equal((5, 3, 1, 1, 0), Totals(report.Summarize()));
        var failed = report.Suites[1].Cases.Single(c => c.Outcome == TestOutcome.Failed);
        Assert.Equal("test_fails", failed.Name);
        Assert.Equal("AssertionError", failed.FailureType);
        Assert.Contains("letters differ", failed.FailureMessage, StringComparison.Ordinal);
        Assert.Equal("not today", report.Suites[1].Cases.Single(c => c.Outcome == TestOutcome.Skipped).FailureMessage);
        Assert.All(report.Cases, c => Assert.NotNull(c.StartTime));

        using var trace = new TraceCapture();
        var parent = TraceCapture.NewParent();
        new TestSpanWriter(trace.Source).Write(parent, report);
        var file = trace.Named(SpanNames.TestFile("tests/test_broken.py")).Single();
        Assert.Equal(parent.SpanId, file.ParentSpanId);
        Assert.Equal("fail", trace.Named("test.case.test_fails").Single().GetTagItem(Keys.Test.CaseResultStatus));
        Assert.Equal(5, trace.Named(SpanNames.TestCasePrefix).Count);
    }

    private static (int, int, int, int, int) Totals(TestRunSummary s) => (s.Total, s.Passed, s.Failed, s.Skipped, s.Errors);

    private async Task<bool> PytestAvailableAsync() =>
        File.Exists(Python) && (await RunAsync(Python, "-c", "import pytest")).ExitCode == 0;

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
