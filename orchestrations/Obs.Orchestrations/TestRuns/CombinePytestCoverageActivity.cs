using System.Diagnostics;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>CombinePytestCoverage</c> activity (span <c>test.coverage</c>): after every pytest file ran
/// with its own coverage data file, <c>coverage combine</c> unites them and <c>coverage xml</c> reports
/// once over the project's sources, the test files and <c>conftest.py</c> left out, so the run's
/// percentage is what <c>pytest --cov=&lt;package&gt;</c> says of the whole suite. Deletes the data.
/// </summary>
public sealed class CombinePytestCoverageActivity : TaskActivity<CoverageCombineInput, TestTargetResult>
{
    /// <summary>The <see cref="TestTargetResult.Target"/> of the combined result.</summary>
    public const string Target = "coverage";

    public override async Task<TestTargetResult> RunAsync(TaskActivityContext context, CoverageCombineInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.Span?.DisplayName = SpanNames.TestCoverage;
        var data = PytestCoverageData.Directory(context.InstanceId);
        try
        {
            var root = Path.GetFullPath(input.Request.Path);
            var pytest = input.Request.Command is { Count: > 0 } custom ? custom : TestFramework.ResolvePytestCommand();
            var coverage = PytestCoverageData.CoverageCommand(pytest);
            var environment = new Dictionary<string, string?>(input.Request.Env ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
            {
                ["COVERAGE_FILE"] = Path.Combine(data, ".coverage"),
            };
            var report = Path.Combine(data, "coverage.xml");
            var omit = string.Join(',', [.. input.Targets.Select(t => Path.Combine(root, t)), "*/conftest.py"]);
            ProcessSpec Step(params string[] arguments) =>
                new(coverage[0], [.. coverage.Skip(1), .. arguments]) { WorkingDirectory = root, Environment = environment };

            foreach (var step in new[] { Step("combine", data), Step("xml", "-o", report, "--omit=" + omit) })
            {
                var run = await ChildProcessRunner.RunAsync(step, context.CancellationToken).ConfigureAwait(false);
                if (!run.Succeeded)
                {
                    return Failed(context.Span, $"{string.Join(' ', [step.FileName, .. step.Arguments])}: {run.StartError ?? $"exit code {run.ExitCode}"}", run);
                }
            }

            var totals = new CoberturaReportParser().ParseFile(report);
            context.Span?.SetTag(AttributeKeys.Test.CoveragePercentage, totals.LinePercentage);
            context.Span?.SetTag(AttributeKeys.Test.CoverageLinesCovered, totals.LinesCovered);
            context.Span?.SetTag(AttributeKeys.Test.CoverageLinesValid, totals.LinesValid);
            context.Span?.SetStatus(ActivityStatusCode.Ok);
            return new TestTargetResult
            {
                Target = Target,
                CoveragePercentage = totals.LinePercentage,
                LinesCovered = totals.LinesCovered,
                LinesValid = totals.LinesValid,
            };
        }
        catch (Exception ex) when (ex is TestReportFormatException or IOException)
        {
            return Failed(context.Span, ex.Message, null);
        }
        finally
        {
            TryDelete(data);
        }
    }

    private static TestTargetResult Failed(Activity? span, string error, ProcessResult? run)
    {
        span?.SetError("coverage_error", error);
        return new TestTargetResult { Target = Target, Error = error, OutputTail = run is null ? null : [.. run.StdoutTail, .. run.StderrTail] };
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftover data must not fail the run.
        }
    }
}
