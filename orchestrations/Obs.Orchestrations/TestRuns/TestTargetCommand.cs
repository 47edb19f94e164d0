using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>How to run one test target and where its reports will be.</summary>
/// <param name="Process">The process, with working directory, environment and timeout set.</param>
/// <param name="ReportPath">Where the test report is written.</param>
/// <param name="ReportFormat"><see cref="JUnitXmlReportParser.Format"/> or <see cref="TrxReportParser.Format"/>.</param>
/// <param name="CoveragePath">
/// The Cobertura file, or a directory to search for <c>coverage.cobertura.xml</c> in (dotnet); null without coverage.
/// </param>
/// <param name="Environment">The variables the framework itself sets (already merged into <paramref name="Process"/>).</param>
public sealed record TestTargetCommand(
    ProcessSpec Process,
    string ReportPath,
    string ReportFormat,
    string? CoveragePath,
    IReadOnlyDictionary<string, string?> Environment);
