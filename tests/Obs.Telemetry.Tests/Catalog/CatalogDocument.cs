using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;

namespace Obs.Telemetry.Tests.Catalog;

/// <summary>
/// Renders <c>docs/trace-catalog.md</c> from the catalog classes and their XML docs, so the
/// documented span names, attribute keys and metrics are the constants the code uses.
/// </summary>
internal static partial class CatalogDocument
{
    public const string RelativePath = "docs/trace-catalog.md";

    public static string Render()
    {
        var docs = XmlDocs.Load(typeof(SpanNames).Assembly);
        var text = new StringBuilder();
        text.Append("# Trace catalog\n\n")
            .Append("Every span name, attribute key and metric Obs emits, as the constants in `telemetry/Obs.Telemetry`\n")
            .Append("(`Catalog/SpanNames.cs`, `Catalog/AttributeKeys.cs`, `Metrics/ObsInstruments.cs`). This file is generated\n")
            .Append("from them by `tests/Obs.Telemetry.Tests/Catalog/CatalogDocumentTests.cs`; after changing the catalog run\n")
            .Append("`OBS_UPDATE_DOCS=1 dotnet test tests/Obs.Telemetry.Tests --filter CatalogDocument` to rewrite it.\n")
            .Append("A name ending in `.` is a prefix: the variable part (a step, file or case name) follows it and is also\n")
            .Append("recorded as an attribute.\n\n");

        text.Append("## Span names\n\n");
        Table(text, "span name", CatalogConstants.Of(typeof(SpanNames)), typeof(SpanNames), docs);

        text.Append("## Attribute keys\n\n");
        foreach (var group in typeof(AttributeKeys).GetNestedTypes(BindingFlags.Public).Where(t => CatalogConstants.Of(t).Count > 0))
        {
            text.Append("### ").Append(group.Name).Append("\n\n");
            if (docs.Summary(XmlDocs.TypeId(group)) is { Length: > 0 } summary)
            {
                text.Append(summary).Append("\n\n");
            }

            Table(text, "key", CatalogConstants.Of(group), group, docs);
        }

        text.Append("## Metrics\n\n| instrument | kind | unit | description |\n|---|---|---|---|\n");
        foreach (var instrument in Instruments())
        {
            text.Append("| `").Append(instrument.Name).Append("` | ").Append(KindOf(instrument))
                .Append(" | `").Append(instrument.Unit).Append("` | ").Append(instrument.Description).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>Every name a document may cite: span names and prefixes, attribute keys, event names, metric names.</summary>
    public static IReadOnlySet<string> Names() =>
        CatalogConstants.Of(typeof(SpanNames))
            .Concat(CatalogConstants.ClassesOf(typeof(AttributeKeys)).SelectMany(CatalogConstants.Of))
            .Select(c => c.Value)
            .Concat(Instruments().Select(i => i.Name))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Instrument> Instruments() =>
        typeof(ObsInstruments).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(Instrument).IsAssignableFrom(f.FieldType))
            .Select(f => (Instrument)f.GetValue(null)!);

    private static string KindOf(Instrument instrument) => instrument.GetType().Name.Split('`')[0].ToLowerInvariant();

    private static void Table(StringBuilder text, string header, IReadOnlyList<(string Name, string Value)> constants, Type owner, XmlDocs docs)
    {
        text.Append("| ").Append(header).Append(" | constant | meaning |\n|---|---|---|\n");
        foreach (var (name, value) in constants)
        {
            text.Append("| `").Append(value).Append("` | `").Append(owner.Name).Append('.').Append(name).Append("` | ")
                .Append(docs.Summary(XmlDocs.FieldId(owner, name)) ?? "").Append(" |\n");
        }

        text.Append('\n');
    }

    /// <summary>The compiler's XML documentation file beside an assembly, read by documentation id.</summary>
    private sealed partial class XmlDocs(IReadOnlyDictionary<string, XElement> members)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            var members = XDocument.Load(path).Descendants("member")
                .ToDictionary(m => (string)m.Attribute("name")!, m => m, StringComparer.Ordinal);
            return new XmlDocs(members);
        }

        public static string TypeId(Type type) => "T:" + type.FullName!.Replace('+', '.');

        public static string FieldId(Type owner, string field) => "F:" + owner.FullName!.Replace('+', '.') + "." + field;

        public string? Summary(string id) =>
            members.TryGetValue(id, out var member) && member.Element("summary") is { } summary
                ? Whitespace().Replace(string.Concat(summary.Nodes().Select(Render)), " ").Trim().Replace("|", "\\|")
                : null;

        private static string Render(XNode node) => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "c" } code => "`" + code.Value + "`",
            XElement { Name.LocalName: "see" } see => "`" + ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "").Split('.', ':')[^1] + "`",
            XElement element => string.Concat(element.Nodes().Select(Render)),
            _ => "",
        };

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}
