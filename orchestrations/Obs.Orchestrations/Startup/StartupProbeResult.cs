using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Startup;

/// <summary>The outcome of <see cref="StartupProbe.RunAsync"/>; times are from the spawn, on a monotonic clock.</summary>
public sealed record StartupProbeResult
{
    [JsonPropertyName("ready")]
    public bool Ready { get; init; }

    /// <summary>Spawn to ready; when not ready, spawn to the end of the probe.</summary>
    [JsonPropertyName("time_to_ready_ms")]
    public double TimeToReadyMs { get; init; }

    [JsonPropertyName("time_to_first_output_ms")]
    public double? TimeToFirstOutputMs { get; init; }

    [JsonPropertyName("time_to_port_open_ms")]
    public double? TimeToPortOpenMs { get; init; }

    /// <summary>The program's exit code when it exited by itself before the probe ended.</summary>
    [JsonPropertyName("exit_code_if_exited")]
    public int? ExitCodeIfExited { get; init; }

    [JsonPropertyName("pid")]
    public int? Pid { get; init; }

    /// <summary>Whether the program was left running (<c>keep_running</c> and it was still alive).</summary>
    [JsonPropertyName("still_running")]
    public bool StillRunning { get; init; }

    /// <summary>Why it is not ready: <c>timeout</c>, <c>exited</c>, <c>start_error</c> (with details after a colon), or null.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The last lines the program wrote (stdout and stderr interleaved), when it was not ready.</summary>
    [JsonPropertyName("output_tail")]
    public IReadOnlyList<string>? OutputTail { get; init; }
}
