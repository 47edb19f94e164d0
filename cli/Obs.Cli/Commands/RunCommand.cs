using System.CommandLine;
using System.Diagnostics;
using Obs.Cli.Hosting;
using Obs.Cli.Output;
using Obs.Cli.Processes;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs run [--name N] [--attr k=v]... -- &lt;command&gt; [args...]</c>: runs a command inside a span
/// that follows the CLI-span conventions, hands the command its own <c>TRACEPARENT</c>, and exits
/// with the command's exit code.
/// </summary>
public sealed class RunCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "run";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;

    private readonly Option<string?> _name = new("--name", "-n")
    {
        Description = "Span name (default: the command's executable name).",
    };

    private readonly Option<string[]> _attributes = new("--attr", "-a")
    {
        Description = "Extra span attribute as key=value; repeat for more.",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = ValueOptions.Texts,
        DefaultValueFactory = _ => [],
    };

    private readonly CommandAfterDoubleDash _command = new("The command and its arguments, after --.", required: true);

    public RunCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Run a command inside a span; its exit code, output and TRACEPARENT pass through.")
    {
        _global = global;
        _console = console;
        Options.Add(_name);
        Options.Add(_attributes);
        Arguments.Add(_command);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var command = parse.GetValue(_command) ?? [];
        if (!SpanAttributeArguments.TryParse(parse.GetValue(_attributes) ?? [], out var extra, out var attributeError))
        {
            throw new UsageException(attributeError);
        }

        // obs run records one span and no metric: no meter provider to build on every wrapped command.
        using var telemetry = CliTelemetry.Start(EngineSession.ConfigRequest(parse, _global, _console), _console, parse.GetValue(_global.Verbose), metrics: false);
        W3CTraceContext.TryReadEnvironment(_console.Environment, out var parent);
        var executable = Path.GetFileName(command[0]);
        var tags = new List<KeyValuePair<string, object?>>
        {
            new(AttributeKeys.Process.ExecutableName, executable),
            new(AttributeKeys.Process.CommandArgs, command),
        };
        tags.AddRange(extra);

        ChildProcessResult result;
        string? traceId;
        using (var span = ObsActivitySources.Cli.StartActivity(parse.GetValue(_name) ?? executable, ActivityKind.Client, parent, tags))
        {
            result = await InheritedChildProcess.RunAsync(command, ChildEnvironment(span, parent), pid => span?.SetTag(AttributeKeys.Process.Pid, pid)).ConfigureAwait(false);
            Record(span, result);
            traceId = span is { Recorded: true } ? span.TraceId.ToHexString() : null;
        }

        if (!result.Started)
        {
            _console.Fail(result.StartError!);
        }

        if (traceId is not null)
        {
            _console.Say($"trace {traceId}");
            if (telemetry.Options.TraceUrlTemplate is { } template)
            {
                _console.Say(TraceLink.Format(template, traceId));
            }
        }

        return result.ExitCode;
    }

    /// <summary>The child's own span context, or the caller's when Obs records nothing (disabled).</summary>
    private Dictionary<string, string?> ChildEnvironment(Activity? span, ActivityContext parent)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (span is not null)
        {
            environment[W3CTraceContext.TraceparentVariable] = span.ToTraceparent();
            environment[W3CTraceContext.TracestateVariable] = span.TraceStateString;
        }
        else if (parent != default)
        {
            environment[W3CTraceContext.TraceparentVariable] = W3CTraceContext.Format(parent);
            environment[W3CTraceContext.TracestateVariable] = parent.TraceState;
        }

        return environment;
    }

    private static void Record(Activity? span, ChildProcessResult result)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(AttributeKeys.Process.ExitCode, result.ExitCode);
        if (!result.Started)
        {
            span.SetError(result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.StartError);
        }
        else if (result.ExitCode != 0)
        {
            // CLI-span convention: error.type is the exit code as a string.
            span.SetError(result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), $"exit code {result.ExitCode}");
        }
    }
}
