using Spectre.Console;

namespace Obs.Cli.Hosting;

/// <summary>
/// Where <c>obs</c> writes: data and a wrapped command's output go to stdout untouched; everything
/// Obs says itself (trace ids, warnings, errors, console-exported spans) goes to stderr.
/// </summary>
public sealed class CliConsole
{
    private const int MessageWidth = 4096;

    public CliConsole(TextWriter output, IAnsiConsole error, IReadOnlyDictionary<string, string?> environment)
    {
        Output = output;
        Error = error;
        Environment = environment;
    }

    /// <summary>stdout, for data and help.</summary>
    public TextWriter Output { get; }

    /// <summary>stderr, styled when it is a terminal.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>The environment <c>obs</c> was started with.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The real process streams; console-exported spans are routed to stderr.</summary>
    public static CliConsole FromProcess()
    {
        // The console exporter writes to Console.Out: send it to stderr so stdout stays the
        // wrapped command's own output and Obs' data.
        var output = Console.Out;
        Console.SetOut(Console.Error);
        var error = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
        });

        // One message is one line: never hard-wrap at Spectre's assumed width (80 when redirected).
        error.Profile.Width = MessageWidth;
        return new CliConsole(output, error, Obs.Telemetry.Configuration.ConfigLoadRequest.ProcessEnvironment());
    }

    /// <summary>Writes one plain line to stderr, prefixed <c>obs:</c>.</summary>
    public void Say(string message) => Error.MarkupLine($"[grey]obs:[/] {Markup.Escape(message)}");

    /// <summary>Writes one error line to stderr, prefixed <c>obs: error:</c>.</summary>
    public void Fail(string message) => Error.MarkupLine($"[red]obs: error:[/] {Markup.Escape(message)}");

    /// <summary>Writes one warning line to stderr.</summary>
    public void Warn(string message) => Error.MarkupLine($"[yellow]obs: warning:[/] {Markup.Escape(message)}");
}
