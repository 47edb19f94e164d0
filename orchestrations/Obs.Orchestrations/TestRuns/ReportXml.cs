using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Loading and reading report XML: DTDs ignored and nothing resolved, elements matched by local
/// name (TRX has a namespace, JUnit none, some tools add one), numbers and times read invariantly.
/// </summary>
internal static class ReportXml
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        CloseInput = false,
    };

    public static XDocument LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static XDocument Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = XmlReader.Create(stream, s_settings);
        return Load(reader, source);
    }

    public static XDocument Load(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = XmlReader.Create(text, s_settings);
        return Load(reader, source);
    }

    public static XElement Root(XDocument document, string source, string expectation, params string[] rootNames)
    {
        var root = document.Root ?? throw new TestReportFormatException(source, null, "the document has no root element");
        if (!rootNames.Contains(root.Name.LocalName, StringComparer.Ordinal))
        {
            throw new TestReportFormatException(source, LineOf(root), $"expected {expectation}, found <{root.Name.LocalName}>");
        }

        return root;
    }

    public static int? LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    public static XElement? Child(this XElement element, string localName) =>
        element.Children(localName).FirstOrDefault();

    public static string? Attr(this XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    public static double? Double(string? text) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value) ? value : null;

    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Seconds (JUnit <c>time</c>) as a duration; negative or unreadable values count as zero.</summary>
    public static TimeSpan Seconds(string? text) =>
        Double(text) is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;

    /// <summary>An ISO 8601 time; one without an offset (pytest 7 writes local time) is taken as local.</summary>
    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value : null;

    private static XDocument Load(XmlReader reader, string source)
    {
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new TestReportFormatException(source, ex.LineNumber > 0 ? ex.LineNumber : null, $"malformed XML: {ex.Message}", ex);
        }
    }
}
