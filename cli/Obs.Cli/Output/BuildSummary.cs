using Obs.Cli.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;
using Obs.Telemetry.Redaction;

namespace Obs.Cli.Output;

/// <summary>
/// The closing summary of <c>obs build</c>: waterfall, slowest steps, failures with their output tail
/// (redacted as the spans are), trace id and link.
/// </summary>
public static class BuildSummary
{
    private const int SlowestCount = 3;

    public static void Write(CliConsole console, OrchestrationMetadata metadata, BuildResult? result, IReadOnlyList<SpanTiming> timings, string? traceId, string? traceUrlTemplate, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(redactor);
        var output = console.Output;
        var heading = Heading(result?.Name);
        if (result is null)
        {
            var outcome = OrchestrationOutcome.Of(metadata);
            output.WriteLine(redactor.Redact($"{heading}: {outcome?.Word ?? metadata.RuntimeStatus.ToString()} — {metadata.FailureDetails?.ErrorMessage ?? outcome?.Description}"));
        }
        else
        {
            output.WriteLine($"{heading}: {(result.Success ? "succeeded" : "FAILED")} in {Waterfall.Format(TimeSpan.FromSeconds(result.DurationSeconds))}");
            foreach (var row in Waterfall.Render(timings))
            {
                output.WriteLine("  " + row);
            }

            foreach (var step in result.Steps.Where(s => s.Status == BuildStepStatus.Skipped))
            {
                output.WriteLine($"  {step.Name}: skipped");
            }

            var slowest = result.Steps.Where(s => s.Status != BuildStepStatus.Skipped).OrderByDescending(s => s.DurationSeconds).Take(SlowestCount).ToList();
            if (slowest.Count > 1)
            {
                output.WriteLine("slowest: " + string.Join(", ", slowest.Select(s => $"{s.Name} {Waterfall.Format(TimeSpan.FromSeconds(s.DurationSeconds))}")));
            }

            if (result.Artifacts is { Count: > 0 } artifacts)
            {
                var uploaded = artifacts.Count(a => a.Url is not null);
                output.WriteLine($"artifacts: {Counted.Of(artifacts.Count, "file")} ({Counted.Of(artifacts.Sum(a => a.Bytes), "byte")}){(uploaded > 0 ? $", {uploaded} uploaded" : string.Empty)}");
                if (artifacts.FirstOrDefault(a => a.UploadError is not null) is { } failedUpload)
                {
                    output.WriteLine(redactor.Redact($"✗ artifact upload: {failedUpload.UploadError}"));
                }
            }

            foreach (var failed in result.Steps.Where(s => s.IsFailure))
            {
                // A continue_on_error step failed without failing the build: a warning, not a failure.
                var (mark, status) = failed.ContinuedOnError ? ("⚠", $"{(failed.Status == BuildStepStatus.TimedOut ? "timed out" : "failed")}, continued") : ("✗", failed.Status.ToString());
                output.WriteLine(redactor.Redact($"{mark} {failed.Name}: {status} (exit code {failed.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}){(failed.Error is null ? string.Empty : " — " + failed.Error)}"));
                foreach (var line in (failed.StderrTail ?? []).Concat(failed.StdoutTail ?? []).TakeLast(20))
                {
                    output.WriteLine("    " + redactor.Redact(line));
                }
            }
        }

        TraceLink.Write(output, traceId, traceUrlTemplate);
    }

    /// <summary><c>build NAME</c>, or just <c>build</c> for a definition without a name.</summary>
    public static string Heading(string? name) => string.IsNullOrWhiteSpace(name) ? "build" : $"build {name}";
}
