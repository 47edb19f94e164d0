using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The input of the <c>RunTestTarget</c> activity.</summary>
/// <param name="Request">The run's request (framework, path, options).</param>
/// <param name="Target">One target from discovery: a file or project relative to the path, or the path itself for <c>junit</c>.</param>
public sealed record TestTargetInput(
    [property: JsonPropertyName("request")] TestRunRequest Request,
    [property: JsonPropertyName("target")] string Target);
