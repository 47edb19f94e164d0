using Obs.Cli.Hosting;
using Spectre.Console;

namespace Obs.Cli.Tests;

/// <summary>
/// Runs <c>obs</c>'s command line in this process, for usage errors: they are decided before any verb
/// starts an engine or a child process, so no process is needed to see them.
/// </summary>
internal static class InProcessObs
{
    public static async Task<ObsProcess.Outcome> RunAsync(params string[] args)
    {
        var console = NewConsole(out var stdout, out var stderr);
        var exitCode = await ObsCommandLine.InvokeAsync(args, console);
        return new ObsProcess.Outcome(exitCode, stdout.ToString(), stderr.ToString(), TimeSpan.Zero);
    }

    /// <summary>A console writing to strings, plain (no colours), with an empty environment.</summary>
    public static CliConsole NewConsole(out StringWriter stdout, out StringWriter stderr)
    {
        stdout = new StringWriter();
        stderr = new StringWriter();
        var error = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        error.Profile.Width = 4096;
        return new CliConsole(stdout, error, new Dictionary<string, string?>());
    }
}
