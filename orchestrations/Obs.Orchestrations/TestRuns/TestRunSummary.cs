namespace Obs.Orchestrations.TestRuns;

/// <summary>Totals of a test run by outcome, and what tracing it emitted.</summary>
/// <param name="Total">Every case.</param>
/// <param name="Passed">Cases that passed.</param>
/// <param name="Failed">Cases that failed an assertion.</param>
/// <param name="Skipped">Cases skipped or not executed.</param>
/// <param name="Errors">Cases in error (setup/teardown, timeouts, aborts).</param>
/// <param name="Duration">The run's duration as the report gives it.</param>
/// <param name="CaseSpansEmitted">Case spans written by <see cref="TestSpanWriter"/>.</param>
/// <param name="CaseSpansDropped">Case spans selected but not written because of <see cref="TestSpanOptions.MaxCaseSpans"/>.</param>
public sealed record TestRunSummary(
    int Total,
    int Passed,
    int Failed,
    int Skipped,
    int Errors,
    TimeSpan Duration,
    int CaseSpansEmitted = 0,
    int CaseSpansDropped = 0)
{
    /// <summary>Whether nothing failed or errored.</summary>
    public bool Succeeded => Failed == 0 && Errors == 0;
}
