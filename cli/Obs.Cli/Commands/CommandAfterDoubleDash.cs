using System.CommandLine;

namespace Obs.Cli.Commands;

/// <summary>
/// The command a verb runs, wraps or measures: everything after <c>--</c>, and only that, so a
/// misspelt option (<c>obs test --framwork dotnet</c>) is an error instead of the command to run.
/// <see cref="UsageProblems"/> enforces it.
/// </summary>
public sealed class CommandAfterDoubleDash : Argument<string[]>
{
    public CommandAfterDoubleDash(string description, bool required)
        : base("command")
    {
        Description = description;
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore;
        CustomParser = ValueOptions.Texts;
        DefaultValueFactory = _ => [];
    }
}
