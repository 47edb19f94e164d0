using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Obs.Orchestrations.Build;

/// <summary>
/// Uploads collected artifacts to Azure Blob Storage (<see cref="ArtifactUploadDefinition"/>). Every
/// failure (configuration, network, authentication) is returned in the result, never thrown; its
/// message never holds the connection string or its key.
/// </summary>
public static class ArtifactUploader
{
    /// <summary>Error type when the connection string variable is missing, empty or unreadable.</summary>
    public const string ConfigurationErrorType = "artifact_upload_configuration";

    /// <summary>
    /// Bounded retries: a storage account that is down or unreachable fails the upload in seconds
    /// rather than hanging the build (3 retries, 5 s per try).
    /// </summary>
    public static BlobClientOptions DefaultClientOptions() => new()
    {
        Retry =
        {
            MaxRetries = 3,
            NetworkTimeout = TimeSpan.FromSeconds(5),
            Mode = RetryMode.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
        },
    };

    /// <summary>Uploads each artifact to <c>&lt;prefix&gt;/&lt;path&gt;</c> in the target container, creating it when missing.</summary>
    /// <param name="projectDirectory">Where the artifacts' relative paths start.</param>
    /// <param name="artifacts">The collected artifacts.</param>
    /// <param name="target">The upload section, prefix already resolved.</param>
    /// <param name="cancellationToken">Stops the upload (then it throws).</param>
    public static async Task<ArtifactUploadResult> UploadAsync(
        string projectDirectory, IReadOnlyList<ArtifactInfo> artifacts, ArtifactUploadDefinition target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(target);
        if (artifacts.Count == 0)
        {
            return new ArtifactUploadResult(artifacts, 0, 0);
        }

        var variable = target.ConnectionStringEnv;
        if (string.IsNullOrWhiteSpace(variable))
        {
            return Failed(artifacts, [], 0, 0, ConfigurationErrorType, "artifacts_upload.connection_string_env is not set: name the environment variable that holds the storage connection string");
        }

        if (string.IsNullOrWhiteSpace(target.Container))
        {
            return Failed(artifacts, [], 0, 0, ConfigurationErrorType, "artifacts_upload.container is not set");
        }

        var connectionString = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Failed(artifacts, [], 0, 0, ConfigurationErrorType, $"environment variable {variable} is not set: it must hold the storage connection string for artifacts_upload");
        }

        var secrets = ArtifactUploadSecrets.Of(connectionString);
        BlobContainerClient container;
        try
        {
            container = new BlobContainerClient(connectionString, target.Container, DefaultClientOptions());
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // Parser messages may quote the connection string: say which variable, not what it holds.
            return Failed(artifacts, [], 0, 0, ConfigurationErrorType, $"environment variable {variable} does not hold a valid storage connection string");
        }

        var uploaded = new List<ArtifactInfo>(artifacts.Count);
        long bytes = 0;
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var artifact in artifacts)
            {
                var blob = container.GetBlobClient(target.BlobNameOf(artifact.Path));
                var stream = File.OpenRead(Path.Combine(projectDirectory, artifact.Path));
                await using (stream.ConfigureAwait(false))
                {
                    var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ArtifactUploadContentTypes.Of(artifact.Path) } };
                    await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
                    bytes += stream.Length;
                }

                uploaded.Add(artifact with { Url = PublicUrl(blob.Uri) });
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return Failed(artifacts, uploaded, uploaded.Count, bytes, ErrorTypeOf(ex), secrets.Redact($"upload to container {target.Container} failed: {Describe(ex)}"));
        }

        return new ArtifactUploadResult(uploaded, uploaded.Count, bytes);
    }

    /// <summary>The blob's address without query (a SAS) or user info.</summary>
    public static string PublicUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty, UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;
    }

    private static ArtifactUploadResult Failed(
        IReadOnlyList<ArtifactInfo> artifacts, List<ArtifactInfo> uploaded, int count, long bytes, string errorType, string error)
    {
        // Artifacts after the failing one are not tried: the same storage would most likely fail them too.
        var all = artifacts.Select((a, i) => i < uploaded.Count ? uploaded[i] : a with { UploadError = error }).ToList();
        return new ArtifactUploadResult(all, count, bytes, errorType, error);
    }

    private static string ErrorTypeOf(Exception ex)
    {
        var root = Root(ex);
        return root is RequestFailedException { ErrorCode: { Length: > 0 } code } ? code : (root.InnerException ?? root).GetType().FullName ?? "unknown";
    }

    private static string Describe(Exception ex)
    {
        var root = Root(ex);
        var message = root is RequestFailedException { Status: > 0 } failed
            ? $"{failed.Status} {failed.ErrorCode}: {FirstLine(failed.Message)}"
            : FirstLine(root.Message);
        if (root.InnerException is { } inner && !message.Contains(FirstLine(inner.Message), StringComparison.Ordinal))
        {
            message += $" ({FirstLine(inner.Message)})";
        }

        return ex is AggregateException { InnerExceptions.Count: > 1 } all ? $"{message} (after {all.InnerExceptions.Count} tries)" : message;
    }

    // Azure.Core wraps the tries' exceptions in an AggregateException once retries are exhausted.
    private static Exception Root(Exception ex) =>
        ex is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1] : ex;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
