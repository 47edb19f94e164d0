namespace Obs.Orchestrations.TestRuns;

/// <summary>One test case from a machine test report.</summary>
public sealed record TestCaseReport
{
    /// <summary>The case name as the report gives it; parametrized ids stay in it (<c>test_add[1-2-3]</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The id that selects this case again, when the framework has one: for pytest the node id
    /// (<c>tests/test_a.py::TestCalc::test_add[1-2]</c>, see <see cref="PytestNodeId"/>).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The case's name within its file when <see cref="Id"/> is known (<c>TestCalc::test_add[1-2]</c>).</summary>
    public string? LocalName { get; init; }

    /// <summary>The class or suite the case belongs to (JUnit <c>classname</c>, TRX <c>className</c>).</summary>
    public string? ClassName { get; init; }

    /// <summary>The source file, when the report names it (or it can be derived, e.g. pytest modules).</summary>
    public string? File { get; init; }

    /// <summary>The line in <see cref="File"/>, when the report gives one.</summary>
    public int? Line { get; init; }

    public required TestOutcome Outcome { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>
    /// When the case started: the report's own time when it has one (TRX, JUnit with per-case
    /// <c>timestamp</c>), else derived from the suite timestamp plus the durations of the cases
    /// before it (see <see cref="StartTimeIsReported"/>); <see langword="null"/> when neither exists.
    /// </summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Whether <see cref="StartTime"/> comes from the report rather than being derived.</summary>
    public bool StartTimeIsReported { get; init; }

    /// <summary>
    /// Whether the case is a file pytest could not import (see <see cref="PytestCollectionError"/>): <see cref="Name"/> is
    /// the module's dotted path, and no test of the file ran.
    /// </summary>
    public bool IsCollectionError { get; init; }

    /// <summary>The failure, error or skip message.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>The exception or failure type (e.g. <c>AssertionError</c>), when known.</summary>
    public string? FailureType { get; init; }

    /// <summary>The stack trace or failure details text (bounded, see <see cref="ReportText.MaxLength"/>).</summary>
    public string? Details { get; init; }

    /// <summary>Captured standard output (bounded).</summary>
    public string? StdOut { get; init; }

    /// <summary>Captured standard error (bounded).</summary>
    public string? StdErr { get; init; }

    /// <summary><see cref="ClassName"/> and <see cref="Name"/> joined with a dot, or the name alone.</summary>
    public string FullName => string.IsNullOrEmpty(ClassName) ? Name : $"{ClassName}.{Name}";
}
