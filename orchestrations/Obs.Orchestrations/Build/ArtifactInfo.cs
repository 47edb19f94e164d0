using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>A collected artifact.</summary>
/// <param name="Path">Relative to the project, with <c>/</c> separators.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its content.</param>
public sealed record ArtifactInfo(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);
