using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The input of <see cref="CombinePytestCoverageActivity"/>: the run's request and the test files it ran.</summary>
public sealed record CoverageCombineInput(
    [property: JsonPropertyName("request")] TestRunRequest Request,
    [property: JsonPropertyName("targets")] IReadOnlyList<string> Targets);
