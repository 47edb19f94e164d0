using System.CommandLine;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Cli.Output;
using Obs.Orchestrations;
using Obs.Orchestrations.Processes;
using Obs.Orchestrations.TestRuns;
using Spectre.Console;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs test [--framework pytest|dotnet|junit] [--path DIR] [--parallel] [--coverage] [-- command]</c>:
/// runs a test suite through the local engine, one activity per test file or project, and turns
/// its machine report into test.file / test.case spans.
/// </summary>
public sealed class TestCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "test";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;
    private readonly Option<string> _framework = new("--framework") { Description = "pytest (default, or test.framework in the config file), dotnet or junit.", DefaultValueFactory = _ => TestFramework.Pytest };
    private readonly Option<string> _path = new("--path") { Description = "Directory with the tests (default: current).", DefaultValueFactory = _ => "." };
    private readonly Option<bool> _parallel = new("--parallel") { Description = "Run test files/projects in parallel (bounded by the engine)." };
    private readonly Option<bool> _coverage = new("--coverage") { Description = "Collect coverage (pytest-cov / coverlet) into test.coverage.percentage." };
    private readonly Option<CaseSpanMode> _caseSpans = ValueOptions.OneOf("--case-spans", "all, failed or none: which test cases get a span.", CaseSpanMode.All);
    private readonly Option<bool> _noProgress = new("--no-progress") { Description = "No live output, only the summary." };
    private readonly Option<OutputFormat> _format = ValueOptions.OneOf("--format", "text or json (the result on stdout).", OutputFormat.Text);
    private readonly CommandAfterDoubleDash _command = new(
        "After --: the test command instead of test.command in the config file or the framework's default (junit: required, {report} is the report path).",
        required: false);

    public TestCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Run a test suite as traced test.file/test.case spans; exit 1 when a test fails.")
    {
        _global = global;
        _console = console;
        foreach (var option in new Option[] { _framework, _path, _parallel, _coverage, _caseSpans, _noProgress, _format })
        {
            Options.Add(option);
        }

        Arguments.Add(_command);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var command = parse.GetValue(_command) ?? [];
        var config = EngineSession.ConfigRequest(parse, _global, _console);
        var configured = CliConfigFile.TestSettings(config);
        var framework = parse.GetResult(_framework) is { Implicit: false } ? parse.GetValue(_framework)! : configured.Framework ?? parse.GetValue(_framework)!;
        var request = new TestRunRequest
        {
            Framework = framework,
            Path = Path.GetFullPath(parse.GetValue(_path)!),
            Parallel = parse.GetValue(_parallel),
            Coverage = parse.GetValue(_coverage),
            Verbose = parse.GetValue(_global.Verbose),
            CaseSpans = parse.GetValue(_caseSpans),
            Command = command.Length > 0 ? command : configured.Command,
        };
        if (request.Validate() is { Count: > 0 } problems)
        {
            throw new UsageException(problems);
        }

        var format = parse.GetValue(_format);
        var live = !parse.GetValue(_noProgress) && format == OutputFormat.Text;
        var progress = new LiveProgress(_console.Error, live && LiveProgress.IsTerminal, "test file");
        using var timeline = new SpanTimeline(Obs.Telemetry.Catalog.SpanNames.TestFilePrefix, ended: live ? progress.Finished : null);
        var stream = live && (!LiveProgress.IsTerminal || request.Verbose);
        await using var session = await EngineSession.StartAsync(config, parse.GetValue(_global.Verbose), _console, "test", registry =>
            TestOrchestration.Register(registry, stream ? StreamLine : null)).ConfigureAwait(false);
        var (metadata, result) = await session.RunAsync(
            TestOrchestration.Name, request, TestRunsJsonContext.Default.TestRunResult, progress, $"running {request.Framework} tests in {request.Path}").ConfigureAwait(false);
        if (format == OutputFormat.Json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize(result ?? new TestRunResult { Framework = request.Framework, Error = metadata.FailureDetails?.ErrorMessage }, TestRunsJsonContext.Default.TestRunResult));
        }
        else
        {
            TestSummary.Write(_console, metadata, result, session.Span?.TraceId.ToHexString(), session.Telemetry.Options.TraceUrlTemplate, session.Redactor);
        }

        var success = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && result is { Success: true };
        session.Record(OrchestrationOutcome.Of(metadata) is { Succeeded: false } failed ? failed
            : success ? OrchestrationOutcome.Success : new OrchestrationOutcome(false, Obs.Telemetry.Catalog.ErrorTypes.TestRunError));
        return success ? ExitCodes.Success : ExitCodes.Failure;
    }

    private void StreamLine(ProcessOutputLine line, string target) => _console.Error.WriteLine($"  {target} | {line.Text}");
}
