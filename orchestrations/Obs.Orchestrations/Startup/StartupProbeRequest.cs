using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Startup;

/// <summary>What <see cref="StartupProbe.RunAsync"/> measures: a program, when it counts as ready, and how long to wait.</summary>
/// <remarks>Properties with defaults have setters: the JSON source generator sets every <c>init</c> property.</remarks>
public sealed record StartupProbeRequest
{
    /// <summary>The program: a JSON array (argument vector) or a string (shell command line).</summary>
    [JsonPropertyName("command")]
    public StartupCommand? Command { get; init; }

    [JsonPropertyName("ready")]
    public StartupReadiness Ready { get; set; } = new();

    /// <summary>How long to wait for readiness (default 60).</summary>
    [JsonPropertyName("timeout_seconds")]
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Leave the program running after the probe (its pid is in the result); by default its process tree is killed.</summary>
    [JsonPropertyName("keep_running")]
    public bool KeepRunning { get; set; }

    /// <summary>
    /// With <see cref="KeepRunning"/>: the file the program's stdout and stderr go to (appended), read for the
    /// probes instead of pipes, so the program outlives its prober without writing into a closed pipe.
    /// Set by the CLI (not over HTTP, where the server lives on and keeps draining the pipes); ignored on Windows.
    /// </summary>
    [JsonIgnore]
    public string? OutputPath { get; init; }

    /// <summary>The program's working directory; null for the current one.</summary>
    [JsonPropertyName("working_directory")]
    public string? WorkingDirectory { get; init; }

    /// <summary>Every problem with the request; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Command is null)
        {
            problems.Add("command is missing.");
        }

        if (Ready is null || Ready.Probes().Count == 0)
        {
            problems.Add("ready needs at least one of url, log_regex, port.");
        }
        else
        {
            if (Ready.Port is { } port && port is < 1 or > 65535)
            {
                problems.Add($"ready.port {port} is not a TCP port.");
            }

            if (Ready.Url is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                problems.Add($"ready.url '{url}' is not an absolute http(s) URL.");
            }

            if (Ready.LogRegex is { } pattern && !IsRegex(pattern))
            {
                problems.Add($"ready.log_regex '{pattern}' is not a valid regular expression.");
            }
        }

        if (!(TimeoutSeconds > 0))
        {
            problems.Add("timeout_seconds must be positive.");
        }

        return problems;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
