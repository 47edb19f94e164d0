using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// The <c>ProbeStartup</c> activity (span <c>startup.probe.run</c>): one live <see cref="StartupProbe"/> measurement, its
/// <c>startup.initialize</c> span a child of the activity's. Terminating the instance stops the program.
/// </summary>
public sealed class ProbeStartupActivity : TaskActivity<StartupProbeRequest, StartupProbeResult>
{
    public override Task<StartupProbeResult> RunAsync(TaskActivityContext context, StartupProbeRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.Span?.DisplayName = SpanNames.StartupProbeRun;
        return StartupProbe.RunAsync(input, ObsActivitySources.Startup, context.CancellationToken);
    }
}
