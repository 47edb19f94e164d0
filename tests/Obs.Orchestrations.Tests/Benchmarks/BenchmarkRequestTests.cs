using System.Text.Json;
using Obs.Orchestrations.Benchmarks;

namespace Obs.Orchestrations.Tests.Benchmarks;

public sealed class BenchmarkRequestTests
{
    [Fact]
    public void Deserialize_OnlyTarget_UsesDefaults()
    {
        var request = JsonSerializer.Deserialize("""{ "target": { "kind": "command", "command": ["sh", "-c", "true"] } }""", BenchmarkJsonContext.Default.BenchmarkRequest)!;

        Assert.Equal(100, request.Iterations);
        Assert.Equal(10, request.Warmup);
        Assert.False(request.PerIterationSpans);
        Assert.Equal(BenchmarkTargetKinds.Command, request.Target.Kind);
        Assert.Equal(["sh", "-c", "true"], request.Target.Command);
        Assert.Equal("sh -c true", request.Target.Display());
        Assert.Empty(request.Validate());
    }

    [Fact]
    public void Deserialize_SnakeCase_ReadsEveryField()
    {
        var request = JsonSerializer.Deserialize(
            """{ "iterations": 5, "warmup": 0, "per_iteration_spans": true, "target": { "kind": "builtin", "spans_per_iteration": 10 } }""",
            BenchmarkJsonContext.Default.BenchmarkRequest)!;

        Assert.Equal(5, request.Iterations);
        Assert.Equal(0, request.Warmup);
        Assert.True(request.PerIterationSpans);
        Assert.Equal(10, request.Target.SpansPerIteration);
    }

    [Fact]
    public void Validate_BadRequest_ReportsEveryProblem()
    {
        var problems = new BenchmarkRequest { Iterations = 0, Warmup = -1, Target = new BenchmarkTarget { Kind = BenchmarkTargetKinds.Url, Url = "ftp://x" } }.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("iterations", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("warmup", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ftp://x", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("command")]
    [InlineData("nonsense")]
    public void Validate_TargetWithoutWhatItNeeds_IsAProblem(string kind) =>
        Assert.Single(new BenchmarkRequest { Target = new BenchmarkTarget { Kind = kind } }.Validate());
}
