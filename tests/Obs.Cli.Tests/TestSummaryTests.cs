using Obs.Cli.Output;
using Obs.Orchestrations;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Redaction;

namespace Obs.Cli.Tests;

/// <summary>The closing summary of <c>obs test</c>, written for a finished run.</summary>
public sealed class TestSummaryTests
{
    [Fact]
    public void Write_FileThatFailedToCollectAfterManyFailures_IsListedFirst()
    {
        List<TestRunFailure> failures =
        [
            .. Enumerable.Range(1, 25).Select(i => new TestRunFailure
            {
                Target = "tests/test_many.py",
                Name = $"test_{i}",
                Id = $"tests/test_many.py::test_{i}",
                Message = "assert False",
            }),
            new TestRunFailure
            {
                Target = "tests/test_broken.py",
                Name = "tests.test_broken",
                Id = "tests/test_broken.py",
                Result = TestOutcomeNames.Error,
                Message = "collection failure: ModuleNotFoundError: No module named 'x'",
            },
        ];
        var result = new TestRunResult { Framework = "pytest", Failed = 25, Errors = 1, Failures = failures };
        var console = InProcessObs.NewConsole(out var stdout, out _);

        TestSummary.Write(console, new OrchestrationMetadata("Test", "run-1"), result, traceId: null, traceUrlTemplate: null, new SecretRedactor(new RedactionOptions(), new Dictionary<string, string?>()));

        var listed = stdout.ToString().Split('\n').Where(l => l.StartsWith('✗')).ToList();
        Assert.Equal("✗ tests/test_broken.py: collection failure: ModuleNotFoundError: No module named 'x'", listed[0].TrimEnd('\r'));
        Assert.Equal(20, listed.Count);
    }
}
