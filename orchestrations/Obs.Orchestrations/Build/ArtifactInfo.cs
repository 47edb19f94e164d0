using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>A collected artifact.</summary>
/// <param name="Path">Relative to the project, with <c>/</c> separators.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its content.</param>
/// <param name="Url">With <c>artifacts_upload</c>: its blob's URL (never with a SAS or credentials) once uploaded.</param>
/// <param name="UploadError">With <c>artifacts_upload</c>: why it was not uploaded.</param>
public sealed record ArtifactInfo(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("upload_error")] string? UploadError = null);
