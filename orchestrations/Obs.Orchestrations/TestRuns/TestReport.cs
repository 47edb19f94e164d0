namespace Obs.Orchestrations.TestRuns;

/// <summary>A parsed machine test report (JUnit XML or VSTest TRX): suites/files and their cases.</summary>
public sealed record TestReport
{
    /// <summary>The report format: <see cref="JUnitXmlReportParser.Format"/> or <see cref="TrxReportParser.Format"/>.</summary>
    public required string Format { get; init; }

    /// <summary>Where the report was read from (a file path, or the name a caller gave a stream).</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<TestSuiteReport> Suites { get; init; }

    /// <summary>When the run started, when the report says.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The run's duration: the report's own total when it has one, else the sum of the suites.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Every case of every suite, in report order.</summary>
    public IEnumerable<TestCaseReport> Cases => Suites.SelectMany(s => s.Cases);

    /// <summary>Totals by outcome and the run's duration.</summary>
    public TestRunSummary Summarize() => new(
        Suites.Sum(s => s.Total),
        Suites.Sum(s => s.Passed),
        Suites.Sum(s => s.Failed),
        Suites.Sum(s => s.Skipped),
        Suites.Sum(s => s.Errors),
        Duration);
}
