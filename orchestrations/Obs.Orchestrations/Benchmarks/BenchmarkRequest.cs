using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>The input of the <c>Benchmark</c> orchestration (and of its one <c>RunBenchmark</c> activity).</summary>
/// <remarks>Properties with defaults have setters: the JSON source generator sets every <c>init</c> property.</remarks>
public sealed record BenchmarkRequest
{
    /// <summary>Measured iterations (default 100).</summary>
    [JsonPropertyName("iterations")]
    public int Iterations { get; set; } = 100;

    /// <summary>Iterations run first and not measured (default 10).</summary>
    [JsonPropertyName("warmup")]
    public int Warmup { get; set; } = 10;

    [JsonPropertyName("target")]
    public BenchmarkTarget Target { get; set; } = new();

    /// <summary>Whether each measured iteration gets a <c>benchmark.iteration</c> child span with its duration.</summary>
    [JsonPropertyName("per_iteration_spans")]
    public bool PerIterationSpans { get; set; }

    /// <summary>Every problem with the request; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Iterations < 1)
        {
            problems.Add("iterations must be at least 1.");
        }

        if (Warmup < 0)
        {
            problems.Add("warmup must not be negative.");
        }

        if (Target is null)
        {
            problems.Add("target is missing.");
            return problems;
        }

        switch (Target.Kind)
        {
            case BenchmarkTargetKinds.Command when Target.Command is not { Count: > 0 } || string.IsNullOrEmpty(Target.Command[0]):
                problems.Add("A command target needs a command (program and arguments).");
                break;
            case BenchmarkTargetKinds.Url when !Uri.TryCreate(Target.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps):
                problems.Add($"A url target needs an absolute http(s) URL, not '{Target.Url}'.");
                break;
            case BenchmarkTargetKinds.Builtin when Target.SpansPerIteration < 1:
                problems.Add("spans_per_iteration must be at least 1.");
                break;
            case BenchmarkTargetKinds.Command or BenchmarkTargetKinds.Url or BenchmarkTargetKinds.Builtin:
                break;
            default:
                problems.Add($"target.kind is '{Target.Kind}'; expected 'command', 'url' or 'builtin'.");
                break;
        }

        if (Target.TimeoutSeconds is <= 0)
        {
            problems.Add("target.timeout_seconds must be positive.");
        }

        return problems;
    }
}
