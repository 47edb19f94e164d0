using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>What one step did. Output tails are kept only when the step did not succeed.</summary>
public sealed record BuildStepResult
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("status")]
    public BuildStepStatus Status { get; init; }

    /// <summary>The process's exit code; null when it never ran or did not exit by itself.</summary>
    [JsonPropertyName("exit_code")]
    public int? ExitCode { get; init; }

    [JsonPropertyName("duration_seconds")]
    public double DurationSeconds { get; init; }

    /// <summary>Why it failed when there is no exit code to tell (start error, activity failure, skip reason).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("stdout_tail")]
    public IReadOnlyList<string>? StdoutTail { get; init; }

    [JsonPropertyName("stderr_tail")]
    public IReadOnlyList<string>? StderrTail { get; init; }

    /// <summary>True when the step failed but had <c>continue_on_error</c>: the build went on and can still succeed.</summary>
    [JsonPropertyName("continued_on_error")]
    public bool ContinuedOnError { get; init; }

    /// <summary>True for <see cref="BuildStepStatus.Failed"/> and <see cref="BuildStepStatus.TimedOut"/>.</summary>
    [JsonIgnore]
    public bool IsFailure => Status is BuildStepStatus.Failed or BuildStepStatus.TimedOut;
}
