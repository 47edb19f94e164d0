namespace Obs.Orchestrations.TestRuns;

/// <summary>The result of one test case, as a machine test report states it.</summary>
/// <remarks>
/// <see cref="Skipped"/> stays distinct from a pass (skips, xfails, TRX <c>NotExecuted</c>), and
/// <see cref="Error"/> from a failure: an error is a test that could not run to its assertion
/// (pytest's setup/teardown errors, TRX <c>Timeout</c>/<c>Aborted</c>/<c>Error</c>).
/// </remarks>
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
    Error,
}

/// <summary>The lowercase words written to <c>test.case.result</c>.</summary>
public static class TestOutcomeNames
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Error = "error";

    /// <summary>The attribute value for <paramref name="outcome"/>.</summary>
    public static string Of(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => Passed,
        TestOutcome.Failed => Failed,
        TestOutcome.Skipped => Skipped,
        _ => Error,
    };
}
