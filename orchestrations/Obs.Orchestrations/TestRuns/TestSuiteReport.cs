namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// One group of cases, traced as one <c>test.file.&lt;file&gt;</c> span: a test file (pytest module),
/// a JUnit <c>&lt;testsuite&gt;</c> when files are unknown, or a test class for TRX.
/// </summary>
public sealed record TestSuiteReport
{
    /// <summary>The group's name: the file path when known, else the suite or class name.</summary>
    public required string Name { get; init; }

    /// <summary>The file the cases live in (a source file, or the test assembly for TRX), when known.</summary>
    public string? FilePath { get; init; }

    /// <summary>When the suite started, when the report says.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The suite's own duration when the report gives one, else the sum of its cases.</summary>
    public TimeSpan Duration { get; init; }

    public required IReadOnlyList<TestCaseReport> Cases { get; init; }

    public int Total => Cases.Count;

    public int Passed => Count(TestOutcome.Passed);

    public int Failed => Count(TestOutcome.Failed);

    public int Skipped => Count(TestOutcome.Skipped);

    public int Errors => Count(TestOutcome.Error);

    private int Count(TestOutcome outcome) => Cases.Count(c => c.Outcome == outcome);
}
