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
/// <c>obs build [--file build.yaml]</c>: runs a build definition through the local engine — steps
/// as real processes, in order or as a DAG — and shows where the time went.
/// </summary>
public sealed class BuildCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "build";

    public const string DefaultFile = "build.yaml";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;

    private readonly Option<string?> _file = new("--file", "-f")
    {
        Description = $"Build definition (YAML or JSON). Default: ./{DefaultFile}, else the build: section of the config file.",
    };

    private readonly BuildDisplayOptions _display = new();

    public BuildCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Run a build definition, each step a traced process; exit 1 when the build fails.")
    {
        _global = global;
        _console = console;
        Options.Add(_file);
        _display.AddTo(this);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var request = EngineSession.ConfigRequest(parse, _global, _console);
        var explicitFile = parse.GetValue(_file);
        var path = Path.GetFullPath(explicitFile ?? DefaultFile);
        BuildDefinition? definition;
        IReadOnlyList<string> problems;
        var loaded = explicitFile is null && !File.Exists(path)
            && CliConfigFile.Section(request, CliConfigFile.BuildSection) is { } section
            ? BuildFile.TryLoadJson(section, $"the {CliConfigFile.BuildSection}: section of the config file", out definition, out problems)
            : BuildFile.TryLoad(path, out definition, out problems);
        if (!loaded)
        {
            throw new UsageException(problems);
        }

        var format = parse.GetValue(_display.Format);
        var live = _display.IsLive(parse);
        var progress = new LiveProgress(_console.Error, live && LiveProgress.IsTerminal, "step");
        using var timeline = new SpanTimeline(SpanNames.BuildStepPrefix, ended: live ? progress.Finished : null);
        var stream = _display.StreamsOutput(parse, parse.GetValue(_global.Verbose));
        await using var session = await EngineSession.StartAsync(request, parse.GetValue(_global.Verbose), _console, "build", registry =>
            BuildOrchestration.Register(registry, stream ? StreamLine : null)).ConfigureAwait(false);
        var projectDirectory = Path.GetDirectoryName(path)!;
        var (metadata, result) = await session.RunAsync(
            BuildOrchestration.Name,
            new BuildRequest(definition!, projectDirectory, CiRunId.From(_console.Environment)),
            BuildJsonContext.Default.BuildResult,
            progress,
            $"{(definition!.Name is { Length: > 0 } name ? "building " + name : "building")}: {Counted.Of(definition.Steps?.Count ?? 0, "step")}").ConfigureAwait(false);
        var success = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && result is { Success: true };
        session.Span?.SetTag(AttributeKeys.Build.Success, success);
        session.Record(OrchestrationOutcome.Of(metadata) is { Succeeded: false } failed ? failed
            : success ? OrchestrationOutcome.Success : new OrchestrationOutcome(false, ErrorTypes.BuildFailed));
        if (format == OutputFormat.Json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize(result ?? new BuildResult { Name = definition!.Name }, BuildJsonContext.Default.BuildResult));
        }
        else
        {
            BuildSummary.Write(_console, metadata, result, timeline.Ended, session.Span?.TraceId.ToHexString(), session.Telemetry.Options.TraceUrlTemplate, session.Redactor);
        }

        return success ? ExitCodes.Success : ExitCodes.Failure;
    }

    private void StreamLine(ProcessOutputLine line, string step) => _console.Error.WriteLine($"  {step} | {line.Text}");
}
