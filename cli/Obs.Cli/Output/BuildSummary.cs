using Obs.Cli.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;

namespace Obs.Cli.Output;

/// <summary>The closing summary of <c>obs build</c>: waterfall, slowest steps, failures with their output tail, trace id and link.</summary>
public static class BuildSummary
{
    private const int SlowestCount = 3;

    public static void Write(CliConsole console, OrchestrationMetadata metadata, BuildResult? result, IReadOnlyList<SpanTiming> timings, string? traceId, string? traceUrlTemplate)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(timings);
        var output = console.Output;
        var name = result?.Name ?? "build";
        if (result is null)
        {
            output.WriteLine($"build {name}: {metadata.RuntimeStatus} — {metadata.FailureDetails?.ErrorMessage}");
        }
        else
        {
            output.WriteLine($"build {name}: {(result.Success ? "succeeded" : "FAILED")} in {Waterfall.Format(TimeSpan.FromSeconds(result.DurationSeconds))}");
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
                output.WriteLine($"artifacts: {artifacts.Count} ({artifacts.Sum(a => a.Bytes).ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes){(uploaded > 0 ? $", {uploaded} uploaded" : string.Empty)}");
                if (artifacts.FirstOrDefault(a => a.UploadError is not null) is { } failedUpload)
                {
                    output.WriteLine($"✗ artifact upload: {failedUpload.UploadError}");
                }
            }

            foreach (var failed in result.Steps.Where(s => s.IsFailure))
            {
                output.WriteLine($"✗ {failed.Name}: {failed.Status} (exit code {failed.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}){(failed.Error is null ? string.Empty : " — " + failed.Error)}");
                foreach (var line in (failed.StderrTail ?? []).Concat(failed.StdoutTail ?? []).TakeLast(20))
                {
                    output.WriteLine("    " + line);
                }
            }
        }

        TraceLink.Write(output, traceId, traceUrlTemplate);
    }
}
