using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Obs.Cli.Commands;
using Obs.Orchestrations;

namespace Obs.Cli;

/// <summary>
/// The first thing wrong with a command line, in the user's words: an unknown verb or option (with
/// the one probably meant), a command that is not after <c>--</c>, a missing value or argument, or a
/// value an option cannot take. The parser alone accepts an unknown option as a verb's argument and
/// speaks of .NET types; this is checked before any verb runs.
/// </summary>
public static class UsageProblems
{
    /// <summary>The problem with <paramref name="parse"/>, or null when the verb may run.</summary>
    public static string? Find(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult;
        var verb = VerbOf(command);
        var problem = UnmatchedToken(parse, command, verb)
            ?? MisplacedArgument(parse, command, verb)
            ?? OptionValue(parse)
            ?? MissingArgument(parse, command, verb)
            ?? parse.Errors.FirstOrDefault()?.Message;
        return problem is null ? null : $"{problem} (see '{verb} --help')";
    }

    /// <summary>A token no option or argument took: an unknown verb, an unknown option, or one argument too many.</summary>
    private static string? UnmatchedToken(ParseResult parse, CommandResult command, string verb)
    {
        if (parse.UnmatchedTokens.Count == 0)
        {
            return command.Command is RootCommand && parse.Errors.Count > 0 ? $"no command given; use one of: {string.Join(", ", Verbs(command.Command))}" : null;
        }

        var token = parse.UnmatchedTokens[0];
        if (LooksLikeOption(token))
        {
            return UnknownOption(token, command, verb);
        }

        if (command.Command is RootCommand root)
        {
            return ClosestName.Find(token, Verbs(root)) is { } meant
                ? $"unknown command '{token}' — did you mean {meant}?"
                : $"unknown command '{token}'; use one of: {string.Join(", ", Verbs(root))}";
        }

        return $"unexpected argument '{token}': {verb} takes {(command.Command.Arguments.Count == 0 ? "no arguments" : "no more arguments")}";
    }

    /// <summary>
    /// What the parser gave a verb's argument before <c>--</c>: an unknown option (the parser passes
    /// those on as arguments), or the start of a command that belongs after <c>--</c>.
    /// </summary>
    private static string? MisplacedArgument(ParseResult parse, CommandResult command, string verb)
    {
        var doubleDash = IndexOf(parse, t => t.Type == TokenType.DoubleDash) ?? parse.Tokens.Count;
        foreach (var argument in command.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (IndexOf(parse, t => ReferenceEquals(t, token)) >= doubleDash)
                {
                    continue;
                }

                if (LooksLikeOption(token.Value))
                {
                    return UnknownOption(token.Value, command, verb);
                }

                if (argument.Argument is CommandAfterDoubleDash)
                {
                    return $"unexpected argument '{token.Value}': the command goes after --, as in '{verb} [options] -- {token.Value} …'";
                }
            }
        }

        return null;
    }

    /// <summary>An option without its value, or with one it cannot take (<see cref="ValueOptions"/> words those).</summary>
    private static string? OptionValue(ParseResult parse) =>
        parse.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult) is not { SymbolResult: OptionResult option } error
            ? null
            : option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0 ? $"{option.Option.Name} expects a value" : error.Message;

    private static string? MissingArgument(ParseResult parse, CommandResult command, string verb)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        foreach (var argument in command.Command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0))
        {
            if ((command.GetResult(argument)?.Tokens.Count ?? 0) < argument.Arity.MinimumNumberOfValues)
            {
                return argument is CommandAfterDoubleDash
                    ? $"{verb} needs a command after --, as in '{verb} [options] -- make -j8'"
                    : $"{verb} needs <{argument.Name}>";
            }
        }

        return null;
    }

    private static string UnknownOption(string token, CommandResult command, string verb)
    {
        var name = token.Split('=', 2)[0];
        return ClosestName.Find(name, OptionNames(command)) is { } meant
            ? $"unknown option '{name}' for {verb} — did you mean {meant}?"
            : $"unknown option '{name}' for {verb}";
    }

    /// <summary>The names a verb accepts: its own options and the recursive ones of the verbs above it.</summary>
    private static IEnumerable<string> OptionNames(CommandResult command)
    {
        var own = command.Command.Options.Where(o => !o.Hidden);
        var inherited = Ancestors(command).SelectMany(c => c.Command.Options).Where(o => o.Recursive && !o.Hidden);
        return own.Concat(inherited).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<CommandResult> Ancestors(CommandResult command)
    {
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            yield return parent;
        }
    }

    private static IEnumerable<string> Verbs(Command root) => root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);

    /// <summary><c>obs</c>, <c>obs test</c>: the words that start the command line.</summary>
    /// <remarks>
    /// A loop, not LINQ: this runs on every command line, and <c>Select</c> over a LINQ iterator is a generic virtual
    /// call that NativeAOT resolves at run time the first time (~2 % of a bare <c>obs run</c>; docs/PERFORMANCE.md).
    /// </remarks>
    private static string VerbOf(CommandResult command)
    {
        var words = new List<string>();
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
        {
            words.Add(current.Command is RootCommand ? "obs" : current.Command.Name);
        }

        words.Reverse();
        return string.Join(' ', words);
    }

    // "-" alone is a value (stdin, by convention), and so is a negative number.
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static int? IndexOf(ParseResult parse, Func<Token, bool> match)
    {
        for (var i = 0; i < parse.Tokens.Count; i++)
        {
            if (match(parse.Tokens[i]))
            {
                return i;
            }
        }

        return null;
    }
}
