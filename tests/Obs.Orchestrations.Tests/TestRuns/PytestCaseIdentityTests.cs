using Obs.Orchestrations.Processes;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Testing.Tracing;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// A pytest case is named by its node id: the class is part of it, parametrized ids stay in it, and
/// the id pastes back into pytest. Real pytest on a file with two classes sharing a method name.
/// </summary>
public sealed class PytestCaseIdentityTests
{
    private const string File = "tests/test_more.py";

    private const string Source = """
        import pytest

        class ChunkedTests:
            def test_basic(self):
                assert True

            def test_even(self):
                assert 3 % 2 == 0, 'three is odd'

        class TestPlain:
            def test_basic(self):
                assert True

            class TestInner:
                def test_basic(self):
                    assert True

        def test_basic():
            assert True

        @pytest.mark.parametrize('a,b', [(1, 2), (3, 4)])
        def test_pair(a, b):
            assert a < b
        """;

    [Fact]
    public async Task Run_ClassesAndParameters_EveryCaseNamedByItsNodeId()
    {
        if (!OrchestrationPytestTests.PytestAvailable())
        {
            return;
        }

        using var collector = new ObsSpanCollector();
        await using var harness = await OrchestrationHarness.StartAsync();
        var path = Directory.CreateDirectory(Path.Combine(harness.Root, "project")).FullName;
        Directory.CreateDirectory(Path.Combine(path, "tests"));
        // pytest collects ChunkedTests only when told to: python_classes is the user's to set.
        await System.IO.File.WriteAllTextAsync(Path.Combine(path, "pytest.ini"), "[pytest]\npython_classes = Test* *Tests\n");
        await System.IO.File.WriteAllTextAsync(Path.Combine(path, File), Source);

        TestRunResult result;
        IReadOnlyList<System.Diagnostics.Activity> spans;
        using (var caller = ObsSpanCollector.CallerSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Pytest, Path = path });
            spans = collector.InTrace(caller.TraceId);
        }

        var collected = await CollectNodeIdsAsync(path);
        Assert.Equal(7, collected.Count);
        var cases = spans.Where(s => s.DisplayName.StartsWith(SpanNames.TestCasePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(collected.Order(StringComparer.Ordinal), cases.Select(c => (string?)c.GetTagItem(AttributeKeys.Test.CaseName)).Order(StringComparer.Ordinal));
        Assert.Equal(cases.Count, cases.Select(c => c.DisplayName).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(cases, c => c.DisplayName == SpanNames.TestCase("ChunkedTests::test_basic"));
        Assert.Contains(cases, c => c.DisplayName == SpanNames.TestCase("TestPlain::TestInner::test_basic"));
        var pair = Assert.Single(cases, c => c.DisplayName == SpanNames.TestCase("test_pair[1-2]"));
        Assert.Equal("tests.test_more.test_pair", pair.GetTagItem(AttributeKeys.Code.FunctionName));
        Assert.Equal(File, pair.GetTagItem(AttributeKeys.Code.FilePath));
        var even = Assert.Single(cases, c => c.DisplayName == SpanNames.TestCase("ChunkedTests::test_even"));
        Assert.Equal("tests.test_more.ChunkedTests.test_even", even.GetTagItem(AttributeKeys.Code.FunctionName));

        var failure = Assert.Single(result.Failures);
        Assert.Equal($"{File}::ChunkedTests::test_even", failure.Id);

        // The id pastes back: pytest runs exactly that case.
        var again = await RunPytestAsync(path, failure.Id!, "-q");
        Assert.Contains(again.StdoutTail, l => l.Contains("1 failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tests/test_more.py", "tests.test_more.ChunkedTests", new[] { "ChunkedTests" })]
    [InlineData("tests/test_more.py", "project.tests.test_more.TestA.TestB", new[] { "TestA", "TestB" })]
    [InlineData("test_top.py", "test_top", new string[0])]
    [InlineData("tests/test_more.py", null, new string[0])]
    public void Classes_FollowTheModuleOfTheFile(string file, string? className, string[] classes) =>
        Assert.Equal(classes, PytestNodeId.Classes(file, className));

    private static async Task<List<string>> CollectNodeIdsAsync(string path)
    {
        var run = await RunPytestAsync(path, "--collect-only", "-q");
        return [.. run.StdoutTail.Where(l => l.Contains("::", StringComparison.Ordinal)).Select(l => l.Trim())];
    }

    private static Task<ProcessResult> RunPytestAsync(string path, params string[] arguments)
    {
        var pytest = TestFramework.ResolvePytestCommand();
        return ChildProcessRunner.RunAsync(new ProcessSpec(pytest[0], [.. pytest.Skip(1), .. arguments]) { WorkingDirectory = path, TailLines = 1000 });
    }
}
