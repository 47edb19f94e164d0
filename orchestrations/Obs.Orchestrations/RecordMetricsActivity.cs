namespace Obs.Orchestrations;

/// <summary>
/// An orchestration's last, untraced activity (<c>RecordBuildMetrics</c>, <c>RecordTestMetrics</c>,
/// <c>RecordBenchmarkMetrics</c>): records its result, failed runs included, with one of
/// <see cref="ObsMetricsRecorder"/>'s methods. Returns whether there was a result to record.
/// </summary>
public sealed class RecordMetricsActivity<TResult>(Action<TResult> record) : TaskActivity<TResult, bool>
    where TResult : class
{
    public override Task<bool> RunAsync(TaskActivityContext context, TResult input)
    {
        if (input is null)
        {
            return Task.FromResult(false);
        }

        record(input);
        return Task.FromResult(true);
    }
}
