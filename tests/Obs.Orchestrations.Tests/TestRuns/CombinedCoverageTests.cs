using System.Diagnostics;
using System.Xml.Linq;
using Obs.Orchestrations.Processes;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// The run's pytest coverage is coverage.py's union of every file's data over the project's sources, not
/// a mean of per-file runs: on the real engine, real pytest and pytest-cov, a package whose two test files
/// each cover a different half of it reports what <c>pytest --cov=&lt;package&gt;</c> reports for the suite.
/// </summary>
public sealed class CombinedCoverageTests
{
    private const string Package = "shapes";
    private static readonly string[] s_testFiles = ["tests/test_round.py", "tests/test_square.py"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_TwoFilesCoveringHalvesOfAPackage_CoverageIsWhatPytestCovSaysOfTheSuite(bool parallel)
    {
        if (!OrchestrationPytestTests.PytestAvailable() || !await OrchestrationPytestTests.PytestCovAvailableAsync())
        {
            return;
        }

        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var project = WriteProject(Path.Combine(harness.Root, "shapes-project"));
        var direct = await PytestCovAsync(project, harness.Root, "direct");
        var oneFile = await PytestCovAsync(project, harness.Root, "one-file", s_testFiles[1]);
        // The sample discriminates: one file alone (what the mean of per-file runs averages) is far below the suite.
        Assert.True(direct.Percentage - oneFile.Percentage > 20, $"suite {direct.Percentage}%, one file {oneFile.Percentage}%");
        Assert.Equal(["__init__.py", "area.py"], direct.Files.Order(StringComparer.Ordinal));

        TestRunResult result;
        ActivityTraceId traceId;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = project, Parallel = parallel, Coverage = true });
        }

        Assert.True(result.Success, OrchestrationPytestTests.Describe(result));
        Assert.Equal(s_testFiles, result.Targets.Select(t => t.Target));
        Assert.Equal(6, result.Passed);
        Assert.NotNull(result.CoveragePercentage);
        Assert.InRange(result.CoveragePercentage.Value, direct.Percentage - 0.1, direct.Percentage + 0.1);

        var spans = collector.InTrace(traceId);
        var suite = Assert.Single(spans, s => s.DisplayName == SpanNames.TestSuiteExecute);
        var coverage = Assert.Single(spans, s => s.DisplayName == SpanNames.TestCoverage);
        Assert.Equal(suite.SpanId, coverage.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Ok, coverage.Status);
        Assert.Equal(result.CoveragePercentage, coverage.GetTagItem(AttributeKeys.Test.CoveragePercentage));
        Assert.Equal(result.CoveragePercentage, suite.GetTagItem(AttributeKeys.Test.CoveragePercentage));
        // The same lines as pytest-cov's report of the package alone (its two modules): no test file, no conftest.py is counted.
        Assert.Equal(direct.LinesValid, coverage.GetTagItem(AttributeKeys.Test.CoverageLinesValid));
        Assert.Equal(direct.LinesCovered, coverage.GetTagItem(AttributeKeys.Test.CoverageLinesCovered));
        var files = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestFilePrefix, StringComparison.Ordinal)).ToList();
        Assert.All(files, f => Assert.True(coverage.StartTimeUtc >= f.StartTimeUtc + f.Duration, $"{SpanNames.TestCoverage} starts before {f.DisplayName} ends"));
    }

    /// <summary>
    /// <c>pytest --cov=shapes</c> on the suite (or on <paramref name="only"/>), the way Obs finds pytest, with its
    /// data and XML report in <paramref name="scratch"/>: the report's line percentage, line counts and file names.
    /// </summary>
    private static async Task<(double Percentage, int? LinesCovered, int? LinesValid, string[] Files)> PytestCovAsync(string project, string scratch, string name, string? only = null)
    {
        var report = Path.Combine(scratch, name + ".xml");
        var pytest = TestFramework.ResolvePytestCommand();
        string[] arguments = [.. pytest.Skip(1), .. only is null ? Array.Empty<string>() : [only], $"--cov={Package}", $"--cov-report=xml:{report}", "-q", "-p", "no:cacheprovider"];
        var run = await ChildProcessRunner.RunAsync(new ProcessSpec(pytest[0], arguments)
        {
            WorkingDirectory = project,
            Environment = new Dictionary<string, string?> { ["COVERAGE_FILE"] = Path.Combine(scratch, ".coverage-" + name) },
        });
        Assert.True(run.Succeeded && File.Exists(report), string.Join('\n', [.. run.StdoutTail, .. run.StderrTail]));

        var totals = new CoberturaReportParser().ParseFile(report);
        var files = XDocument.Load(report).Descendants("class").Select(c => (string?)c.Attribute("filename") ?? string.Empty).ToArray();
        return (totals.LinePercentage, totals.LinesCovered, totals.LinesValid, files);
    }

    /// <summary>A package of four shapes and one helper nobody tests; one test file covers two shapes, the other the other two.</summary>
    private static string WriteProject(string root)
    {
        Write(root, "pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
        Write(root, "conftest.py", "\"\"\"At the project root so pytest puts the root on sys.path.\"\"\"\n");
        Write(root, "shapes/__init__.py", "\"\"\"Areas of plane shapes.\"\"\"\n");
        Write(root, "shapes/area.py", """
            def square(side):
                if side < 0:
                    raise ValueError("negative side")
                return side * side


            def rectangle(width, height):
                if width < 0 or height < 0:
                    raise ValueError("negative size")
                return width * height


            def circle(radius):
                if radius < 0:
                    raise ValueError("negative radius")
                return 3.14159 * radius * radius


            def triangle(base, height):
                if base < 0 or height < 0:
                    raise ValueError("negative size")
                return base * height / 2


            def describe(name):
                words = {"square": 4, "triangle": 3}
                return f"{name} has {words.get(name, 0)} sides"

            """);
        Write(root, "tests/test_square.py", """
            import pytest
            from shapes.area import rectangle, square


            def test_square():
                assert square(3) == 9


            def test_rectangle():
                assert rectangle(2, 3) == 6


            def test_negative_sizes_are_refused():
                with pytest.raises(ValueError):
                    square(-1)
                with pytest.raises(ValueError):
                    rectangle(-1, 1)

            """);
        Write(root, "tests/test_round.py", """
            import pytest
            from shapes.area import circle, triangle


            def test_circle():
                assert circle(1) > 3


            def test_triangle():
                assert triangle(2, 3) == 3


            def test_negative_sizes_are_refused():
                with pytest.raises(ValueError):
                    circle(-1)
                with pytest.raises(ValueError):
                    triangle(-1, 1)

            """);
        return root;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
