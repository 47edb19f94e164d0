using System.Xml;
using System.Xml.Linq;

namespace Obs.Orchestrations.Build;

/// <summary>NuGet dependencies from a project file's <c>PackageReference</c> items (version as an attribute or a child element).</summary>
public static class DotnetManifestParser
{
    public const string Ecosystem = "nuget";

    /// <summary>The package references in <paramref name="xml"/>; a reference without a version (central package management) has a null version.</summary>
    public static IReadOnlyList<DependencyInfo> ParseProject(string xml, string source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return [];
        }

        return
        [
            .. document.Descendants()
                .Where(e => e.Name.LocalName == "PackageReference")
                .Select(e => (Name: (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update"), Version: Version(e)))
                .Where(r => !string.IsNullOrWhiteSpace(r.Name))
                .Select(r => new DependencyInfo(Ecosystem, r.Name!, r.Version, source)),
        ];
    }

    private static string? Version(XElement reference) =>
        (string?)reference.Attribute("Version")
        ?? reference.Elements().FirstOrDefault(c => c.Name.LocalName == "Version")?.Value.Trim()
        ?? (string?)reference.Attribute("VersionOverride");
}
