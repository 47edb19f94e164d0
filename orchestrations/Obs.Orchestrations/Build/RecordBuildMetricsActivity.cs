namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>RecordBuildMetrics</c> activity, the build's last and untraced: records the result, failed
/// builds included, on the build instruments. Returns whether it recorded anything.
/// </summary>
public sealed class RecordBuildMetricsActivity : TaskActivity<BuildResult, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BuildResult input)
    {
        if (input is null)
        {
            return Task.FromResult(false);
        }

        ObsMetricsRecorder.RecordBuild(input);
        return Task.FromResult(true);
    }
}
