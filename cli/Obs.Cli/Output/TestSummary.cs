using System.Globalization;
using Obs.Cli.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Redaction;

namespace Obs.Cli.Output;

/// <summary>The closing summary of <c>obs test</c>: totals, slowest files, failures with their messages (redacted as the spans are), trace id and link.</summary>
public static class TestSummary
{
    private const int SlowestCount = 3;
    private const int ShownFailures = 20;

    public static void Write(CliConsole console, OrchestrationMetadata metadata, TestRunResult? result, string? traceId, string? traceUrlTemplate, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(redactor);
        var output = console.Output;
        if (result is null)
        {
            var outcome = OrchestrationOutcome.Of(metadata);
            output.WriteLine(redactor.Redact($"tests: {outcome?.Word ?? metadata.RuntimeStatus.ToString()} — {metadata.FailureDetails?.ErrorMessage ?? outcome?.Description}"));
        }
        else
        {
            var coverage = result.CoveragePercentage is { } percent ? string.Create(CultureInfo.InvariantCulture, $", coverage {percent:F1}%") : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Framework}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped, {Counted.Of(result.Errors, "error")} in {Waterfall.Format(TimeSpan.FromSeconds(result.DurationSeconds))}{coverage}"));
            if (result.Error is not null)
            {
                output.WriteLine("error: " + redactor.Redact(result.Error));
            }

            var slowest = result.Targets.OrderByDescending(t => t.DurationSeconds).Take(SlowestCount).ToList();
            if (slowest.Count > 1)
            {
                output.WriteLine("slowest: " + string.Join(", ", slowest.Select(t => $"{t.Target} {Waterfall.Format(TimeSpan.FromSeconds(t.DurationSeconds))}")));
            }

            foreach (var target in result.Targets.Where(t => t.Error is not null))
            {
                output.WriteLine(redactor.Redact($"✗ {target.Target}: {target.Error}"));
                foreach (var line in (target.OutputTail ?? []).TakeLast(10))
                {
                    output.WriteLine("    " + redactor.Redact(line));
                }
            }

            // A file that failed to collect (its id is the file itself) comes first: none of its tests ran.
            foreach (var failure in result.Failures.OrderByDescending(f => f.Id == f.Target).Take(ShownFailures))
            {
                output.WriteLine(redactor.Redact($"✗ {failure.Id ?? failure.Target + "::" + failure.Name}: {FirstLine(failure.Message)}"));
            }
        }

        TraceLink.Write(output, traceId, traceUrlTemplate);
    }

    private static string FirstLine(string? text) =>
        text is null ? string.Empty : text.Split('\n', 2)[0].Trim();
}
