using System.CommandLine;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Cli.Output;
using Obs.Orchestrations;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;
using Spectre.Console;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs resume &lt;id&gt; [--no-progress] [--format text|json]</c>: finishes an instance whose <c>obs</c> process died (killed, machine
/// rebooted). Completed steps are not run again; the engine takes the instance over once the dead
/// process's lease has expired. It shows the build as <c>obs build</c> does, with the same display flags.
/// </summary>
public sealed class ResumeCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "resume";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;
    private readonly Argument<string> _id = new("id") { Description = "The instance to resume (see obs status)." };
    private readonly BuildDisplayOptions _display = new();

    public ResumeCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Resume an unfinished build left by an obs process that died.")
    {
        _global = global;
        _console = console;
        Arguments.Add(_id);
        _display.AddTo(this);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var id = parse.GetValue(_id)!;
        var live = _display.IsLive(parse);
        var progress = new LiveProgress(_console.Error, live && LiveProgress.IsTerminal, "step");
        using var timeline = new SpanTimeline(SpanNames.BuildStepPrefix, ended: live ? progress.Finished : null);
        var stream = _display.StreamsOutput(parse, parse.GetValue(_global.Verbose));
        await using var session = await EngineSession.StartAsync(EngineSession.ConfigRequest(parse, _global, _console), parse.GetValue(_global.Verbose), _console, "resume", registry =>
            BuildOrchestration.Register(registry, stream ? StreamLine : null)).ConfigureAwait(false);
        var instance = await session.Engine.Client.GetInstanceAsync(id).ConfigureAwait(false);
        if (instance is null)
        {
            throw new UsageException($"no instance '{id}' in the state database");
        }

        if (!instance.IsCompleted)
        {
            _console.Say($"resuming {instance.Name} {id} (waits for the previous process's lease to expire, at most {session.Engine.LeaseDuration})");
        }

        var (metadata, result) = await session.WaitAsync(
            id, instance.Name == BuildOrchestration.Name ? BuildJsonContext.Default.BuildResult : null, progress, $"resuming {instance.Name} {id}").ConfigureAwait(false);
        if (parse.GetValue(_display.Format) == OutputFormat.Json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize(StatusView.From(metadata, withOutput: true), CliJsonContext.Default.StatusView));
        }
        else
        {
            BuildSummary.Write(_console, metadata, result, [], session.Span?.TraceId.ToHexString(), session.Telemetry.Options.TraceUrlTemplate, session.Redactor);
        }

        if (OrchestrationOutcome.Of(metadata) is { } outcome)
        {
            session.Record(outcome);
        }

        return metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && result is not { Success: false } ? ExitCodes.Success : ExitCodes.Failure;
    }

    private void StreamLine(ProcessOutputLine line, string step) => _console.Error.WriteLine($"  {step} | {line.Text}");
}
