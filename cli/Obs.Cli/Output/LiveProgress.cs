using Spectre.Console;

namespace Obs.Cli.Output;

/// <summary>
/// Progress while an orchestration runs. On a terminal: a live status line (spinner, how many
/// steps are done, the last one to finish) with finished steps printed above it. When stderr is
/// not a terminal (CI logs, pipes): plain lines, one per finished step.
/// </summary>
public sealed class LiveProgress
{
    private readonly IAnsiConsole _console;
    private readonly bool _interactive;
    private readonly string _noun;
    private int _done;
    private StatusContext? _status;

    /// <param name="console">stderr.</param>
    /// <param name="interactive">Whether to draw the live status line.</param>
    /// <param name="noun">What is counted, singular (<c>step</c>).</param>
    public LiveProgress(IAnsiConsole console, bool interactive, string noun)
    {
        _console = console;
        _interactive = interactive;
        _noun = noun;
    }

    /// <summary>True when stderr is a terminal: a live status line can be drawn.</summary>
    public static bool IsTerminal => !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> under the status line (or plainly when not interactive).</summary>
    public async Task<T> RunAsync<T>(string title, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_interactive)
        {
            return await work().ConfigureAwait(false);
        }

        return await _console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(title), async context =>
        {
            _status = context;
            return await work().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Reports a finished step (called from worker threads).</summary>
    public void Finished(SpanTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var done = Interlocked.Increment(ref _done);
        var (mark, note) = timing.Continued ? ("[yellow]⚠[/]", " failed, continued") : timing.Failed ? ("[red]✗[/]", string.Empty) : ("[green]✓[/]", string.Empty);
        _console.MarkupLine($"{mark} {Markup.Escape(timing.Name)}{note} [grey]({Waterfall.Format(timing.Duration)})[/]");
        if (_status is { } status)
        {
            status.Status($"{Markup.Escape(Counted.Of(done, _noun))} done · last: {Markup.Escape(timing.Name)}");
        }
    }
}
