using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The definition's <c>artifacts_upload</c> section: where collected artifacts are uploaded in Azure
/// Blob Storage. The connection string itself is never in the definition: only the name of the
/// environment variable that holds it, read by the <c>CollectArtifacts</c> activity when it runs.
/// </summary>
public sealed record ArtifactUploadDefinition
{
    /// <summary>The prefix used when the definition gives none.</summary>
    public const string DefaultPrefix = "{build_name}/{run_id}";

    /// <summary>The keys the section accepts, with what each holds (the properties' JSON names).</summary>
    public static IReadOnlyList<DefinitionKey> JsonKeys { get; } =
    [
        new("container", DefinitionValueKind.String),
        new("connection_string_env", DefinitionValueKind.String),
        new("prefix", DefinitionValueKind.String),
    ];

    /// <summary>The blob container, created when missing.</summary>
    [JsonPropertyName("container")]
    public string? Container { get; init; }

    /// <summary>The environment variable holding the storage connection string.</summary>
    [JsonPropertyName("connection_string_env")]
    public string? ConnectionStringEnv { get; init; }

    /// <summary>
    /// Blob name prefix; each artifact goes to <c>&lt;prefix&gt;/&lt;relative path&gt;</c>.
    /// <c>{build_name}</c> and <c>{run_id}</c> are replaced. Default: <see cref="DefaultPrefix"/>.
    /// </summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; init; }

    /// <summary>This section with its prefix's placeholders replaced (deterministic: orchestrators call it).</summary>
    /// <param name="buildName">The build's name; <c>build</c> when it has none.</param>
    /// <param name="runId">The run id (the instance id when the request has none).</param>
    public ArtifactUploadDefinition Resolve(string? buildName, string runId) => this with
    {
        Prefix = (Prefix ?? DefaultPrefix)
            .Replace("{build_name}", string.IsNullOrWhiteSpace(buildName) ? "build" : buildName, StringComparison.Ordinal)
            .Replace("{run_id}", runId, StringComparison.Ordinal)
            .Trim('/'),
    };

    /// <summary>The blob name of the artifact at <paramref name="relativePath"/> (already resolved prefix).</summary>
    public string BlobNameOf(string relativePath) =>
        string.IsNullOrEmpty(Prefix?.Trim('/')) ? relativePath : $"{Prefix.Trim('/')}/{relativePath}";
}
