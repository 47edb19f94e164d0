using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The output of the <c>Test</c> orchestration: totals over every target.</summary>
public sealed record TestRunResult
{
    [JsonPropertyName("framework")]
    public string Framework { get; init; } = string.Empty;

    /// <summary>True when targets were found, every one ran, and no case failed or errored.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("passed")]
    public int Passed { get; init; }

    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    [JsonPropertyName("skipped")]
    public int Skipped { get; init; }

    [JsonPropertyName("errors")]
    public int Errors { get; init; }

    /// <summary>
    /// Line coverage 0..100 over every target: covered lines over valid lines summed across targets (each
    /// target measured on its own, so a line covered by one target only counts in that target's share).
    /// </summary>
    [JsonPropertyName("coverage_percentage")]
    public double? CoveragePercentage { get; init; }

    /// <summary>Orchestration time from start to end (replay-safe clock).</summary>
    [JsonPropertyName("duration_seconds")]
    public double DurationSeconds { get; init; }

    /// <summary>Why nothing (or not everything) could run: a bad request, no targets found; null otherwise.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Every target, in discovery order.</summary>
    [JsonPropertyName("targets")]
    public IReadOnlyList<TestTargetResult> Targets { get; init; } = [];

    /// <summary>Failed and errored cases of every target (each target lists at most <see cref="TestTargetResult.MaxFailures"/>).</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<TestRunFailure> Failures { get; init; } = [];
}
