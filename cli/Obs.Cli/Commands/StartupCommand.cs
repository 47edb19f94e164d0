using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Cli.Output;
using Obs.Orchestrations;
using Obs.Orchestrations.Startup;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Redaction;
using Obs.Telemetry.Tracing;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs startup --target "&lt;cmd&gt;" --ready-url URL | --ready-log REGEX | --ready-port N [--timeout S]</c>:
/// traces an external program from spawn to ready as a <c>startup.initialize</c> span.
/// </summary>
public sealed class StartupCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "startup";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;
    private readonly Option<string?> _target = new("--target") { Description = "The program to start (a shell command line)." };
    private readonly Option<string?> _readyUrl = new("--ready-url") { Description = "Ready when this URL answers 2xx." };
    private readonly Option<string?> _readyLog = new("--ready-log") { Description = "Ready when a line of output matches this regular expression." };
    private readonly Option<int?> _readyPort = ValueOptions.OptionalWholeNumber("--ready-port", "Ready when this TCP port on 127.0.0.1 accepts connections.");
    private readonly Option<double> _timeout = ValueOptions.Seconds("--timeout", "Seconds to wait for ready.", 60);
    private readonly Option<bool> _keepRunning = new("--keep-running") { Description = "Leave the program running once ready." };
    private readonly Option<OutputFormat> _format = ValueOptions.OneOf("--format", "text or json.", OutputFormat.Text);

    public StartupCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Trace a program's start-up from spawn to ready (first output, port open, health OK).")
    {
        _global = global;
        _console = console;
        foreach (var option in new Option[] { _target, _readyUrl, _readyLog, _readyPort, _timeout, _keepRunning, _format })
        {
            Options.Add(option);
        }

        Validators.Add(RequireTargetForProbeOptions);
        SetAction((parse, cancellation) => ExecuteAsync(parse, cancellation));
    }

    /// <summary>Without --target obs traces its own start-up, so a readiness probe or timeout there would be silently ignored.</summary>
    private void RequireTargetForProbeOptions(CommandResult result)
    {
        if (result.GetResult(_target) is not null)
        {
            return;
        }

        if (new Option[] { _readyUrl, _readyLog, _readyPort, _timeout, _keepRunning }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } given)
        {
            result.AddError($"{given.Name} needs --target, the program to start (without --target obs startup traces its own start-up)");
        }
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var target = parse.GetValue(_target);
        var startup = new StartupRecorder();
        CliTelemetry telemetry;
        using (startup.Measure(SpanNames.StartupConfigLoad))
        {
            telemetry = CliTelemetry.Start(EngineSession.ConfigRequest(parse, _global, _console), _console, parse.GetValue(_global.Verbose));
        }

        using (telemetry)
        {
            W3CTraceContext.TryReadEnvironment(_console.Environment, out var parent);
            using var span = ObsActivitySources.Cli.StartActivity("obs startup", ActivityKind.Internal, parent, startTime: startup.StartedAt);
            if (target is null)
            {
                // Without --target, obs traces its own start-up.
                startup.Emit(ObsActivitySources.Startup, "cli", span?.Context ?? default);
                _console.Say($"traced obs' own start-up: {Waterfall(startup)}");
                return ExitCodes.Success;
            }

            var request = new StartupProbeRequest
            {
                Command = Obs.Orchestrations.Startup.StartupCommand.Shell(target),
                Ready = new StartupReadiness { Url = parse.GetValue(_readyUrl), LogRegex = parse.GetValue(_readyLog), Port = parse.GetValue(_readyPort) },
                TimeoutSeconds = parse.GetValue(_timeout),
                KeepRunning = parse.GetValue(_keepRunning),
                OutputPath = parse.GetValue(_keepRunning) ? KeptOutputPath() : null,
            };
            if (request.Validate() is { Count: > 0 } problems)
            {
                telemetry.Close(reportExports: false);
                throw new UsageException(problems);
            }

            var result = await StartupProbe.RunAsync(request, ObsActivitySources.Startup, cancellation).ConfigureAwait(false);
            OrchestrationOutcome.Of(result).RecordOn(span);
            if (result.StillRunning)
            {
                _console.Say($"left running: pid {result.Pid}, output in {request.OutputPath}");
            }
            if (parse.GetValue(_format) == OutputFormat.Json)
            {
                _console.Output.WriteLine(JsonSerializer.Serialize(result, StartupJsonContext.Default.StartupProbeResult));
            }
            else
            {
                var redactor = new SecretRedactor(telemetry.Options.Redaction, _console.Environment);
                _console.Output.WriteLine(result.Ready
                    ? string.Create(CultureInfo.InvariantCulture, $"{target}: ready in {result.TimeToReadyMs:F0} ms (first output {Ms(result.TimeToFirstOutputMs)}, port open {Ms(result.TimeToPortOpenMs)})")
                    : redactor.Redact($"{target}: failed — {result.Error}"));
                foreach (var line in result.Ready ? [] : (result.OutputTail ?? []).TakeLast(10))
                {
                    _console.Output.WriteLine("    " + redactor.Redact(line));
                }

                TraceLink.Write(_console.Output, span?.TraceId.ToHexString(), telemetry.Options.TraceUrlTemplate);
            }

            return result.Ready ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    /// <summary>
    /// A program left running must not write into a pipe to this obs, which is about to exit (Python's
    /// http.server dies on the first request that way): its output goes to a file under <c>.obs/</c>.
    /// </summary>
    private static string KeptOutputPath()
    {
        var path = Path.GetFullPath(Path.Combine(StateDirectory.Name, string.Create(CultureInfo.InvariantCulture, $"startup-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log")));
        StateDirectory.EnsureFor(path);
        return path;
    }

    private static string Ms(double? value) => value is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms") : "—";

    private static string Waterfall(StartupRecorder startup) =>
        string.Join(", ", startup.Phases.Select(p => $"{p.SpanName} {Output.Waterfall.Format(p.End - p.Start)}"));
}
