using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>A declared dependency found in a manifest.</summary>
/// <param name="Ecosystem"><c>pypi</c>, <c>nuget</c> or <c>npm</c>.</param>
/// <param name="Name">The package name.</param>
/// <param name="Version">The version or constraint as written (e.g. <c>2.31.0</c>, <c>&gt;=1.0</c>); null when none.</param>
/// <param name="Source">The manifest, relative to the project.</param>
public sealed record DependencyInfo(
    [property: JsonPropertyName("ecosystem")] string Ecosystem,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("source")] string Source)
{
    /// <summary><c>name@version</c>, or the bare name.</summary>
    public override string ToString() => Version is null ? Name : Name + "@" + Version;
}
