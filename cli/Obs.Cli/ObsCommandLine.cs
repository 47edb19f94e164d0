using System.CommandLine;
using Obs.Cli.Commands;
using Obs.Cli.Hosting;

namespace Obs.Cli;

/// <summary>The <c>obs</c> command tree and its one top-level mapping of failures to exit codes.</summary>
public static class ObsCommandLine
{
    private const string Description = "obs: trace builds, test runs, benchmarks and start-up with OpenTelemetry.";

    /// <summary>Every verb, in the order <c>--help</c> lists them.</summary>
    private static readonly (string Name, Func<GlobalOptions, CliConsole, Command> Create)[] Verbs =
    [
        (RunCommand.VerbName, (global, console) => new RunCommand(global, console)),
        (BuildCommand.VerbName, (global, console) => new BuildCommand(global, console)),
        (TestCommand.VerbName, (global, console) => new TestCommand(global, console)),
        (BenchmarkCommand.VerbName, (global, console) => new BenchmarkCommand(global, console)),
        (Commands.StartupCommand.VerbName, (global, console) => new Commands.StartupCommand(global, console)),
        (StatusCommand.VerbName, (_, console) => new StatusCommand(console)),
        (ResumeCommand.VerbName, (global, console) => new ResumeCommand(global, console)),
        (ReplayCommand.VerbName, (global, console) => new ReplayCommand(global, console)),
        (Serve.ServeCommand.VerbName, (global, console) => new Serve.ServeCommand(global, console)),
    ];

    /// <summary>The whole tree: every verb, <c>--help</c>, <c>--version</c> and the directives.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(Description);
        AddVerbs(root, global, console, Verbs);
        return root;
    }

    /// <summary>
    /// Just the global options and the verb named <paramref name="verb"/>, under a plain root: no other verb, and no
    /// <c>--help</c>/<c>--version</c>, whose descriptions come from System.CommandLine's resources — loading those and
    /// building nine verbs was a fifth of <c>obs run</c>'s page faults (docs/PERFORMANCE.md).
    /// </summary>
    internal static Command BuildOne(string verb, CliConsole console)
    {
        var root = new Command(RootName, Description);
        AddVerbs(root, new GlobalOptions(), console, [.. Verbs.Where(v => v.Name == verb)]);
        return root;
    }

    /// <summary>
    /// Parses and runs. The one place failures become exit codes: parse problems and
    /// <see cref="UsageException"/>s are one line each on stderr and exit 2; anything else is an internal error.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        // A one-verb parse is returned only when it is free of usage problems: checked once, there.
        var oneVerb = ParseOneVerb(args, console);
        var parse = oneVerb ?? Build(console).Parse(args);
        if (oneVerb is null && !IsHelpRequest(parse) && UsageProblems.Find(parse) is { } problem)
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

    /// <summary>
    /// The parse with only the verb the command line names (<see cref="BuildOne"/>), or null when that is not certain:
    /// a directive, no verb named before <c>--</c>, or the small tree did not run that verb cleanly (an error,
    /// <c>--help</c>, a verb-named value such as <c>-c build</c>). Then the whole tree parses again, so its errors and help are the ones
    /// the user sees.
    /// </summary>
    internal static ParseResult? ParseOneVerb(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [['[', ..], ..])
        {
            // A directive ([diagram], [suggest]) is only the whole tree's.
            return null;
        }

        foreach (var arg in args)
        {
            if (arg == "--")
            {
                return null;
            }

            if (Array.Exists(Verbs, v => v.Name == arg))
            {
                var parse = BuildOne(arg, console).Parse(args);
                return parse.CommandResult.Command.Name == arg && parse.Errors.Count == 0 && UsageProblems.Find(parse) is null ? parse : null;
            }
        }

        return null;
    }

    // What RootCommand calls itself: the executable's name.
    private static string RootName => RootCommand.ExecutableName;

    private static void AddVerbs(Command root, GlobalOptions global, CliConsole console, IEnumerable<(string Name, Func<GlobalOptions, CliConsole, Command> Create)> verbs)
    {
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.Create(global, console));
        }
    }

    private static bool IsHelpRequest(ParseResult parse) => parse.Action is System.CommandLine.Help.HelpAction;
}
