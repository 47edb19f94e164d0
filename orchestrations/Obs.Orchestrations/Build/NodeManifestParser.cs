using System.Text.Json;

namespace Obs.Orchestrations.Build;

/// <summary>npm dependencies from a <c>package.json</c>'s <c>dependencies</c> and <c>devDependencies</c>.</summary>
public static class NodeManifestParser
{
    public const string Ecosystem = "npm";

    /// <summary>The dependencies in <paramref name="json"/>; not JSON, or not an object, gives none.</summary>
    public static IReadOnlyList<DependencyInfo> ParsePackageJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = new List<DependencyInfo>();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var section in (string[])["dependencies", "devDependencies"])
            {
                if (document.RootElement.TryGetProperty(section, out var entries) && entries.ValueKind == JsonValueKind.Object)
                {
                    result.AddRange(entries.EnumerateObject().Select(e =>
                        new DependencyInfo(Ecosystem, e.Name, e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : null, source)));
                }
            }
        }
        catch (JsonException)
        {
        }

        return result;
    }
}
