using System.Text.Json.Serialization;

namespace Obs.Orchestrations.TestRuns;

/// <summary>The output of the <c>DiscoverTestTargets</c> activity.</summary>
/// <param name="Targets">Files or projects relative to the path (forward slashes), sorted; the path itself for <c>junit</c>.</param>
/// <param name="Error">Why nothing can be found (no such directory), or null.</param>
public sealed record TestTargetDiscovery(
    [property: JsonPropertyName("targets")] IReadOnlyList<string> Targets,
    [property: JsonPropertyName("error")] string? Error = null);
