using System.Xml.Linq;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Reads a Cobertura coverage report (pytest-cov <c>--cov-report=xml</c>, coverlet, ReportGenerator)
/// and keeps the totals on its <c>&lt;coverage&gt;</c> root.
/// </summary>
public sealed class CoberturaReportParser
{
    /// <summary>Parses the report at <paramref name="path"/>.</summary>
    /// <exception cref="TestReportFormatException">The file is not a well-formed Cobertura report.</exception>
    public CoverageReport ParseFile(string path) => Parse(ReportXml.LoadFile(path), path);

    /// <summary>Parses a report from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The text is not a well-formed Cobertura report.</exception>
    public CoverageReport Parse(TextReader reader, string source) => Parse(ReportXml.Load(reader, source), source);

    /// <summary>Parses a report from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TestReportFormatException">The stream is not a well-formed Cobertura report.</exception>
    public CoverageReport Parse(Stream stream, string source) => Parse(ReportXml.Load(stream, source), source);

    private static CoverageReport Parse(XDocument document, string source)
    {
        var root = ReportXml.Root(document, source, "<coverage> (Cobertura)", "coverage");
        var covered = ReportXml.Int(root.Attr("lines-covered"));
        var valid = ReportXml.Int(root.Attr("lines-valid"));
        var lineRate = ReportXml.Double(root.Attr("line-rate"))
            ?? (covered is { } c && valid is > 0 ? (double)c / valid.Value : (double?)null)
            ?? throw new TestReportFormatException(source, ReportXml.LineOf(root), "<coverage> has no line-rate (nor lines-covered/lines-valid)");
        var branchRate = ReportXml.Double(root.Attr("branch-rate"));
        var branchesValid = ReportXml.Int(root.Attr("branches-valid"));

        // coverage.py writes branch-rate="0" when branch coverage was not measured.
        return new CoverageReport(lineRate, branchesValid == 0 ? null : branchRate, covered, valid);
    }
}
