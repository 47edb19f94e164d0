using System.Security.Cryptography;
using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>CollectArtifacts</c> activity (span <c>build.artifact_collection</c>): finds the files under the
/// project matching any of the globs (see <see cref="GlobPattern"/>; <c>.git</c> and <c>.obs</c> are never
/// searched), and records their count and total size; returns each file's size and SHA-256. With
/// <see cref="ArtifactCollectionInput.Upload"/> it then uploads them (<see cref="ArtifactUploader"/>): each
/// artifact gets its blob URL, or an upload error that the build counts as a failure.
/// </summary>
public sealed class CollectArtifactsActivity : TaskActivity<ArtifactCollectionInput, IReadOnlyList<ArtifactInfo>>
{
    private static readonly HashSet<string> SkippedFolders = new([".git", ".obs"], StringComparer.OrdinalIgnoreCase);

    public override async Task<IReadOnlyList<ArtifactInfo>> RunAsync(TaskActivityContext context, ArtifactCollectionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.Span?.DisplayName = SpanNames.BuildArtifactCollection;
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.Patterns, input.Patterns.ToArray());
        var artifacts = await CollectAsync(input.ProjectDirectory, input.Patterns, context.CancellationToken).ConfigureAwait(false);
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.Count, artifacts.Count);
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.TotalBytes, artifacts.Sum(a => a.Bytes));
        return input.Upload is { } upload
            ? await UploadAsync(context, input.ProjectDirectory, artifacts, upload).ConfigureAwait(false)
            : artifacts;
    }

    private static async Task<IReadOnlyList<ArtifactInfo>> UploadAsync(
        TaskActivityContext context, string projectDirectory, IReadOnlyList<ArtifactInfo> artifacts, ArtifactUploadDefinition upload)
    {
        var result = await ArtifactUploader.UploadAsync(projectDirectory, artifacts, upload, context.CancellationToken).ConfigureAwait(false);
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.UploadContainer, upload.Container);
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.UploadCount, result.UploadedCount);
        context.Span?.SetTag(AttributeKeys.BuildArtifacts.UploadBytes, result.UploadedBytes);
        if (!result.Succeeded)
        {
            context.Span?.SetTag(AttributeKeys.Error.Type, result.ErrorType);
            context.Span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
        }

        return result.Artifacts;
    }

    /// <summary>The files under <paramref name="projectDirectory"/> matching any of <paramref name="patterns"/>, by path.</summary>
    public static async Task<IReadOnlyList<ArtifactInfo>> CollectAsync(string projectDirectory, IEnumerable<string> patterns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        ArgumentNullException.ThrowIfNull(patterns);
        var globs = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new GlobPattern(p)).ToList();
        var result = new List<ArtifactInfo>();
        if (globs.Count == 0 || !Directory.Exists(projectDirectory))
        {
            return result;
        }

        foreach (var (relative, path) in Files(projectDirectory, string.Empty).OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            if (globs.Any(g => g.IsMatch(relative)))
            {
                var stream = File.OpenRead(path);
                await using (stream.ConfigureAwait(false))
                {
                    var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
                    result.Add(new ArtifactInfo(relative, stream.Length, Convert.ToHexStringLower(hash)));
                }
            }
        }

        return result;
    }

    private static IEnumerable<(string Relative, string Path)> Files(string directory, string prefix)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return (prefix + Path.GetFileName(file), file);
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (!SkippedFolders.Contains(name) && !new DirectoryInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                foreach (var file in Files(child, prefix + name + "/"))
                {
                    yield return file;
                }
            }
        }
    }
}
