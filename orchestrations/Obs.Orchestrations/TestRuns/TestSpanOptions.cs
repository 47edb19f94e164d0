namespace Obs.Orchestrations.TestRuns;

/// <summary>Which test cases get a <c>test.case.&lt;name&gt;</c> span.</summary>
public enum CaseSpanMode
{
    /// <summary>Every case.</summary>
    All,

    /// <summary>Only failed and errored cases; the file spans still count everything.</summary>
    Failed,

    /// <summary>No case spans; only file spans with their counts.</summary>
    None,
}

/// <summary>How <see cref="TestSpanWriter"/> turns a report into spans.</summary>
public sealed class TestSpanOptions
{
    /// <summary>The default <see cref="MaxCaseSpans"/>.</summary>
    public const int DefaultMaxCaseSpans = 1000;

    public CaseSpanMode CaseSpans { get; set; } = CaseSpanMode.All;

    /// <summary>
    /// The most case spans written for one report; beyond it cases are only counted, in
    /// <c>test.cases.dropped</c> on their file span.
    /// </summary>
    public int MaxCaseSpans { get; set; } = DefaultMaxCaseSpans;

    /// <summary>
    /// Where to place spans whose report carries no times at all; by default the report is laid out
    /// to end now.
    /// </summary>
    public DateTimeOffset? FallbackStartTime { get; set; }
}
