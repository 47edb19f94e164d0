namespace Obs.Telemetry.Catalog;

/// <summary>
/// The <c>error.type</c> values Obs sets itself when a run ends in a failed outcome (as opposed to an
/// exception, whose full type name is used): the same value on the orchestration span and on the
/// <c>obs</c> verb span above it, so a backend can count failed builds whichever span it looks at.
/// </summary>
public static class ErrorTypes
{
    /// <summary>A build whose steps (or artifact upload) failed.</summary>
    public const string BuildFailed = "build_failed";

    /// <summary>A build definition that failed validation; nothing ran.</summary>
    public const string InvalidDefinition = "invalid_definition";

    /// <summary>A benchmark, startup or test request that failed validation; nothing ran.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A test run in which a test failed or errored.</summary>
    public const string TestsFailed = "tests_failed";

    /// <summary>A test run that could not run or report (no report, a crashed runner).</summary>
    public const string TestRunError = "test_run_error";

    /// <summary>A benchmark iteration (or every one of them) that failed.</summary>
    public const string IterationFailed = "iteration_failed";

    /// <summary>A probed program that never became ready.</summary>
    public const string NotReady = "not_ready";

    /// <summary>An instance that was terminated before it finished.</summary>
    public const string Terminated = "terminated";
}
