using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>What one target (a pytest file, a .NET test project, a JUnit command) did.</summary>
public sealed record TestTargetResult
{
    /// <summary>The most failures listed per target; the rest are only counted.</summary>
    public const int MaxFailures = 50;

    [JsonPropertyName("target")]
    public string Target { get; init; } = string.Empty;

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

    /// <summary>The run's duration as the report gives it.</summary>
    [JsonPropertyName("duration_seconds")]
    public double DurationSeconds { get; init; }

    /// <summary>Line coverage 0..100, when coverage was asked for and a report was found.</summary>
    [JsonPropertyName("coverage_percentage")]
    public double? CoveragePercentage { get; init; }

    [JsonPropertyName("lines_covered")]
    public int? LinesCovered { get; init; }

    [JsonPropertyName("lines_valid")]
    public int? LinesValid { get; init; }

    /// <summary>The process's exit code; null when it never ran or was killed.</summary>
    [JsonPropertyName("exit_code")]
    public int? ExitCode { get; init; }

    /// <summary>Why the target failed without a report (start error, timeout, crash, usage error), or null.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The last output lines, kept when <see cref="Error"/> is set.</summary>
    [JsonPropertyName("output_tail")]
    public IReadOnlyList<string>? OutputTail { get; init; }

    /// <summary>Failed and errored cases, at most <see cref="MaxFailures"/>.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<TestRunFailure> Failures { get; init; } = [];

    /// <summary>Whether everything ran and nothing failed or errored.</summary>
    [JsonIgnore]
    public bool Succeeded => Error is null && Failed == 0 && Errors == 0;
}
