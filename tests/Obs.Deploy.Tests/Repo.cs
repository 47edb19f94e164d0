using YamlDotNet.RepresentationModel;

namespace Obs.Deploy.Tests;

/// <summary>Locates the repository and reads the files under deploy/.</summary>
internal static class Repo
{
    /// <summary>The directory holding Obs.Functions.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing");
        return File.ReadAllText(path);
    }

    /// <summary>Every document of a YAML file (Kubernetes manifests hold several, separated by ---).</summary>
    public static IReadOnlyList<YamlMappingNode> ReadYamlDocuments(string relativePath) =>
        ParseYamlDocuments(ReadText(relativePath), relativePath);

    public static YamlMappingNode ReadYaml(string relativePath) => Assert.Single(ReadYamlDocuments(relativePath));

    public static IReadOnlyList<YamlMappingNode> ParseYamlDocuments(string yaml, string source)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        var documents = new List<YamlMappingNode>();
        foreach (var document in stream.Documents)
        {
            var root = Assert.IsType<YamlMappingNode>(document.RootNode);
            documents.Add(root);
        }

        Assert.True(documents.Count > 0, $"{source} holds no YAML document");
        return documents;
    }

    /// <summary>The Kubernetes object of <paramref name="kind"/> (and <paramref name="name"/>) in a manifest file.</summary>
    public static YamlMappingNode KubernetesObject(string relativePath, string kind, string? name = null)
    {
        var matches = ReadYamlDocuments(relativePath)
            .Where(d => d.Str("kind") == kind && (name is null || d.Map("metadata").Str("name") == name))
            .ToList();
        return Assert.Single(matches);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Obs.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Obs.Functions.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>Terse, asserting navigation of YamlDotNet's representation model.</summary>
internal static class YamlNav
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static bool Has(this YamlMappingNode map, string key) => map.Get(key) is not null;

    public static YamlMappingNode Map(this YamlMappingNode map, string key) =>
        Assert.IsType<YamlMappingNode>(map.Get(key) ?? throw Missing(map, key));

    public static YamlSequenceNode Seq(this YamlMappingNode map, string key) =>
        Assert.IsType<YamlSequenceNode>(map.Get(key) ?? throw Missing(map, key));

    public static string Str(this YamlMappingNode map, string key) =>
        Assert.IsType<YamlScalarNode>(map.Get(key) ?? throw Missing(map, key)).Value ?? "";

    public static IEnumerable<YamlMappingNode> Maps(this YamlSequenceNode sequence) =>
        sequence.Children.Select(c => Assert.IsType<YamlMappingNode>(c));

    public static IEnumerable<string> Strings(this YamlSequenceNode sequence) =>
        sequence.Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value ?? "");

    public static IEnumerable<string> Keys(this YamlMappingNode map) =>
        map.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");

    public static IReadOnlyDictionary<string, string> StringMap(this YamlMappingNode map) =>
        map.Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value ?? "",
            kv => Assert.IsType<YamlScalarNode>(kv.Value).Value ?? "",
            StringComparer.Ordinal);

    private static Xunit.Sdk.XunitException Missing(YamlMappingNode map, string key) =>
        new($"YAML key '{key}' is missing at {map.Start} (keys: {string.Join(", ", map.Keys())})");
}
