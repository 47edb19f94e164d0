using System.CommandLine;
using Obs.Cli.Commands;
using Obs.Cli.Hosting;

namespace Obs.Cli;

/// <summary>The <c>obs</c> command tree and its one top-level mapping of failures to exit codes.</summary>
public static class ObsCommandLine
{
    public static RootCommand Build(CliConsole console)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("obs: trace builds, test runs, benchmarks and start-up with OpenTelemetry.");
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(new RunCommand(global, console));
        root.Subcommands.Add(new BuildCommand(global, console));
        root.Subcommands.Add(new TestCommand(global, console));
        root.Subcommands.Add(new BenchmarkCommand(global, console));
        root.Subcommands.Add(new Commands.StartupCommand(global, console));
        root.Subcommands.Add(new StatusCommand(console));
        root.Subcommands.Add(new ResumeCommand(global, console));
        root.Subcommands.Add(new ReplayCommand(global, console));
        root.Subcommands.Add(new Serve.ServeCommand(global, console));
        return root;
    }

    /// <summary>
    /// Parses and runs. The one place failures become exit codes: parse problems and
    /// <see cref="UsageException"/>s are one line each on stderr and exit 2; anything else is an internal error.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console);
        var parse = root.Parse(args);
        if (!IsHelpRequest(parse) && UsageProblems.Find(parse) is { } problem)
        {
            console.Fail(problem);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                // obs run waits for its child on Ctrl+C instead of being cancelled first.
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
                Output = console.Output,
            }).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            foreach (var line in ex.Problems)
            {
                console.Fail(line);
            }

            return ExitCodes.UsageError;
        }
        catch (Exception ex)
        {
            // A bug in obs, not in the user's input: say so, and never pass for the work's own failure.
            console.Fail($"internal error: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    private static bool IsHelpRequest(ParseResult parse) => parse.Action is System.CommandLine.Help.HelpAction;
}
