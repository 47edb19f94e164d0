using System.Text.RegularExpressions;
using Obs.Testing.Repository;

namespace Obs.Telemetry.Tests.Catalog;

/// <summary>The documents cite the catalog, not a copy of it: the reference is generated, and every other page is checked against it.</summary>
public sealed partial class CatalogDocumentTests
{
    /// <summary>First segments of the names the catalog owns; a code span starting with one of them must be a catalog name.</summary>
    private static readonly string[] CatalogRoots =
        ["build", "test", "benchmark", "startup", "cicd", "vcs", "obs", "process", "error", "exception", "output"];

    private static readonly string[] FileExtensions =
        [".yaml", ".yml", ".json", ".md", ".py", ".db", ".cs", ".csproj", ".sln", ".toml", ".txt", ".xml", ".sh", ".whl", ".dbg"];

    [Fact]
    public void TraceCatalogDocument_IsRenderedFromTheCatalogConstants()
    {
        var path = RepositoryDirectory.PathOf(CatalogDocument.RelativePath.Split('/'));
        var rendered = CatalogDocument.Render();
        if (Environment.GetEnvironmentVariable("OBS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), $"{CatalogDocument.RelativePath} is missing; run with OBS_UPDATE_DOCS=1 to write it.");
        Assert.Equal(rendered, File.ReadAllText(path));
    }

    [Fact]
    public void TraceCatalogDocument_ListsEveryAttributeKeyWithItsConstant()
    {
        var rendered = CatalogDocument.Render();

        Assert.Contains("| `build.step.exit_code` | `Build.StepExitCode` |", rendered, StringComparison.Ordinal);
        Assert.Contains("| `test.file.` | `SpanNames.TestFilePrefix` |", rendered, StringComparison.Ordinal);
        Assert.Contains("| `obs.build.duration` | histogram | `s` |", rendered, StringComparison.Ordinal);
        Assert.All(CatalogDocument.Names(), name => Assert.Contains("`" + name + "`", rendered, StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_CiteOnlyNamesTheCatalogHas()
    {
        var names = CatalogDocument.Names();
        var prefixes = names.Where(n => n.EndsWith('.')).ToArray();
        var unknown = Documents()
            .SelectMany(doc => CodeSpans().Matches(File.ReadAllText(doc)).Select(m => (Doc: Path.GetFileName(doc), Name: m.Groups[1].Value)))
            .Where(cited => IsCatalogShaped(cited.Name) && !IsKnown(cited.Name, names, prefixes))
            .Select(cited => $"{cited.Doc}: `{cited.Name}`")
            .Distinct()
            .ToArray();

        Assert.True(unknown.Length == 0, "Not in the catalog (telemetry/Obs.Telemetry/Catalog): " + string.Join(", ", unknown));
    }

    [Fact]
    public void CatalogCheck_FlagsAMisspelledKey()
    {
        var names = CatalogDocument.Names();
        var prefixes = names.Where(n => n.EndsWith('.')).ToArray();

        Assert.True(IsCatalogShaped("build.step.exit_cod"));
        Assert.False(IsKnown("build.step.exit_cod", names, prefixes));
        Assert.True(IsKnown("build.step.<name>", names, prefixes));
        Assert.False(IsCatalogShaped("build.yaml"));
    }

    private static IEnumerable<string> Documents() =>
        new[] { RepositoryDirectory.PathOf("README.md") }
            .Concat(Directory.EnumerateFiles(RepositoryDirectory.PathOf("docs"), "*.md", SearchOption.TopDirectoryOnly));

    private static bool IsCatalogShaped(string name) =>
        DottedName().IsMatch(name)
        && CatalogRoots.Contains(name[..name.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal)
        && !FileExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal));

    private static bool IsKnown(string name, IReadOnlySet<string> names, string[] prefixes)
    {
        var fixedPart = name.Split('<', '*', '{')[0];
        return fixedPart.Length < name.Length
            ? prefixes.Any(p => fixedPart.StartsWith(p, StringComparison.Ordinal)) || names.Any(n => n.StartsWith(fixedPart, StringComparison.Ordinal))
            : names.Contains(name) || names.Any(n => n.StartsWith(name + ".", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"`([^`\s]+)`")]
    private static partial Regex CodeSpans();

    [GeneratedRegex(@"^[a-z_]+(\.[a-z0-9_]+|\.<[a-z_ ]+>|\.\*|\.\{[a-z_]+\})+\.?$")]
    private static partial Regex DottedName();
}
