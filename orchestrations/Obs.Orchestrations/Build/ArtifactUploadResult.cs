namespace Obs.Orchestrations.Build;

/// <summary>What <see cref="ArtifactUploader"/> did.</summary>
/// <param name="Artifacts">Every artifact: with its blob URL when uploaded, with an upload error when not.</param>
/// <param name="UploadedCount">Artifacts uploaded.</param>
/// <param name="UploadedBytes">Their total size.</param>
/// <param name="ErrorType">A low-cardinality error type (the span's <c>error.type</c>) when anything failed.</param>
/// <param name="Error">What failed, never with credentials.</param>
public sealed record ArtifactUploadResult(
    IReadOnlyList<ArtifactInfo> Artifacts,
    int UploadedCount,
    long UploadedBytes,
    string? ErrorType = null,
    string? Error = null)
{
    /// <summary>True when every artifact was uploaded.</summary>
    public bool Succeeded => ErrorType is null;
}
