namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>RecordTestMetrics</c> activity, the test run's last and untraced: records failed cases and
/// coverage on the test instruments. Returns whether it recorded anything.
/// </summary>
public sealed class RecordTestMetricsActivity : TaskActivity<TestRunResult, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, TestRunResult input)
    {
        if (input is null)
        {
            return Task.FromResult(false);
        }

        ObsMetricsRecorder.RecordTestRun(input);
        return Task.FromResult(true);
    }
}
