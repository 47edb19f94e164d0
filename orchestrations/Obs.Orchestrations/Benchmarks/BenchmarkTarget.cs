using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>What one benchmark iteration does.</summary>
/// <remarks>Properties with defaults have setters: the JSON source generator sets every <c>init</c> property.</remarks>
public sealed record BenchmarkTarget
{
    /// <summary><see cref="BenchmarkTargetKinds.Command"/>, <see cref="BenchmarkTargetKinds.Url"/> or <see cref="BenchmarkTargetKinds.Builtin"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = BenchmarkTargetKinds.Builtin;

    /// <summary>For <c>command</c>: the program and its arguments (no shell; use <c>["sh", "-c", "…"]</c> for one). Run once per iteration.</summary>
    [JsonPropertyName("command")]
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>For <c>url</c>: fetched with GET once per iteration; a status outside 2xx counts as an error.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>For <c>builtin</c>: spans created and ended per iteration.</summary>
    [JsonPropertyName("spans_per_iteration")]
    public int SpansPerIteration { get; set; } = 1000;

    /// <summary>For <c>command</c> and <c>url</c>: how long one iteration may take before it counts as an error; default 60 s.</summary>
    [JsonPropertyName("timeout_seconds")]
    public double? TimeoutSeconds { get; init; }

    /// <summary>What <c>benchmark.target</c> records: the command line, the URL, or <c>builtin</c>.</summary>
    public string Display() => Kind switch
    {
        BenchmarkTargetKinds.Command => string.Join(' ', Command ?? []),
        BenchmarkTargetKinds.Url => Url ?? string.Empty,
        _ => Kind,
    };

    public static BenchmarkTarget ForCommand(params IReadOnlyList<string> command) => new() { Kind = BenchmarkTargetKinds.Command, Command = command };

    public static BenchmarkTarget ForUrl(string url) => new() { Kind = BenchmarkTargetKinds.Url, Url = url };

    public static BenchmarkTarget Builtin(int spansPerIteration = 1000) => new() { Kind = BenchmarkTargetKinds.Builtin, SpansPerIteration = spansPerIteration };
}

/// <summary>The values of <see cref="BenchmarkTarget.Kind"/>.</summary>
public static class BenchmarkTargetKinds
{
    public const string Command = "command";
    public const string Url = "url";

    /// <summary>Obs' own tracing cost: spans through a real OpenTelemetry tracer provider with a no-op exporter.</summary>
    public const string Builtin = "builtin";
}
