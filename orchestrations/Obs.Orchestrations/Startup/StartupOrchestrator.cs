using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// The <c>Startup</c> orchestrator (span <c>startup.probe</c>): one <c>ProbeStartup</c> activity, whose
/// outcome it copies onto its span. A program that never gets ready is a result (with <c>error.type</c>),
/// not a failed instance. Replayed: only <see cref="TaskOrchestrationContext"/> calls, no I/O.
/// </summary>
public sealed class StartupOrchestrator : TaskOrchestrator<StartupProbeRequest, StartupProbeResult>
{
    public override async Task<StartupProbeResult> RunAsync(TaskOrchestrationContext context, StartupProbeRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.SetSpanAttribute(AttributeKeys.Startup.Target, input.Command?.Display());
        var problems = input.Validate();
        if (problems.Count > 0)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.InvalidRequest);
            return new StartupProbeResult { Error = ErrorTypes.InvalidRequest + ": " + string.Join(" ", problems) };
        }

        var result = await context.CallActivityAsync<StartupProbeResult>(StartupOrchestration.ProbeStartup, input).ConfigureAwait(true);
        context.SetSpanAttribute(AttributeKeys.Startup.DurationMs, result.TimeToReadyMs);
        if (!result.Ready)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.NotReady);
        }

        return result;
    }
}
