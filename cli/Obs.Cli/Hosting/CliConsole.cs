using Spectre.Console;

namespace Obs.Cli.Hosting;

/// <summary>
/// Where <c>obs</c> writes: data and a wrapped command's output go to stdout untouched; everything
/// Obs says itself (trace ids, warnings, errors, console-exported spans) goes to stderr.
/// </summary>
public sealed class CliConsole
{
    private const int MessageWidth = 4096;

    private readonly Lazy<IAnsiConsole> _error;
    private readonly TextWriter? _plainError;

    public CliConsole(TextWriter output, IAnsiConsole error, IReadOnlyDictionary<string, string?> environment)
        : this(output, () => error, plainError: null, environment)
    {
    }

    private CliConsole(TextWriter output, Func<IAnsiConsole> createError, TextWriter? plainError, IReadOnlyDictionary<string, string?> environment)
    {
        Output = output;
        _error = new Lazy<IAnsiConsole>(createError, LazyThreadSafetyMode.ExecutionAndPublication);
        _plainError = plainError;
        Environment = environment;
    }

    /// <summary>stdout, for data and help.</summary>
    public TextWriter Output { get; }

    /// <summary>stderr, styled when it is a terminal (created on first use: a one-line verb never builds it).</summary>
    public IAnsiConsole Error => _error.Value;

    /// <summary>The environment <c>obs</c> was started with.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The real process streams; console-exported spans are routed to stderr.</summary>
    public static CliConsole FromProcess()
    {
        // The console exporter writes to Console.Out: send it to stderr so stdout stays the
        // wrapped command's own output and Obs' data.
        var output = Console.Out;
        var error = Console.Error;
        Console.SetOut(error);

        // stderr that is not a terminal gets plain lines without Spectre's console detection and markup
        // parser (with its emoji table): a fifth of a bare `obs run`'s page faults. See docs/PERFORMANCE.md.
        return new CliConsole(output, () => CreateStyled(error), Console.IsErrorRedirected ? error : null, Obs.Telemetry.Configuration.ConfigLoadRequest.ProcessEnvironment());
    }

    /// <summary>Writes one plain line to stderr, prefixed <c>obs:</c>.</summary>
    public void Say(string message) => Line("obs:", Color.Grey, message);

    /// <summary>Writes one error line to stderr, prefixed <c>obs: error:</c>.</summary>
    public void Fail(string message) => Line("obs: error:", Color.Red, message);

    /// <summary>Writes one warning line to stderr.</summary>
    public void Warn(string message) => Line("obs: warning:", Color.Yellow, message);

    private void Line(string prefix, Color color, string message)
    {
        if (_plainError is not null)
        {
            _plainError.WriteLine($"{prefix} {message}");
            return;
        }

        // Text, not markup: the message is shown as it is, whatever brackets it holds.
        Error.Write(prefix, new Style(color));
        Error.WriteLine(" " + message);
    }

    private static IAnsiConsole CreateStyled(TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });

        // One message is one line: never hard-wrap at Spectre's assumed width (80 when redirected).
        console.Profile.Width = MessageWidth;
        return console;
    }
}
