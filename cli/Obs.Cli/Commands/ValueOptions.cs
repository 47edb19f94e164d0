using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Obs.Cli.Commands;

/// <summary>
/// Options whose values are not plain text: a bad value is one usage error in the user's words
/// (<c>--iterations expects a whole number, got 'abc'</c>), never the parser's .NET type names.
/// Every such option of every verb is made here (a test walks the command tree to keep it so).
/// </summary>
public static class ValueOptions
{
    public static Option<int> WholeNumber(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWholeNumber(name, result) ?? default,
    };

    public static Option<int?> OptionalWholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWholeNumber(name, result),
    };

    public static Option<double> Seconds(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
            {
                return seconds;
            }

            result.AddError($"{name} expects a number of seconds, got '{text}'");
            return default;
        },
    };

    /// <summary>An option whose value is one of <typeparamref name="TEnum"/>'s names, written in lower case.</summary>
    public static Option<TEnum> OneOf<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        var option = new Option<TEnum>(name)
        {
            // The help's own [default: …] would show the .NET name (Text); say it as it is typed.
            Description = $"{description} Default: {defaultValue.ToString().ToLowerInvariant()}.",
            HelpName = string.Join('|', names.Select(n => n.ToLowerInvariant())),
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } match)
                {
                    return Enum.Parse<TEnum>(match);
                }

                result.AddError($"{name} expects {Alternatives(names.Select(n => n.ToLowerInvariant()).ToList())}, got '{text}'");
                return defaultValue;
            },
        };

        // Not given, an option holds default(TEnum): a factory is needed only for another default.
        if (!EqualityComparer<TEnum>.Default.Equals(defaultValue, default))
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>
    /// The tokens' text, for a <c>string[]</c> option or argument: without it the parser converts them by reflection
    /// (<c>Array.CreateInstance</c>, generic virtual lookups), which NativeAOT's type loader resolves at run time — a
    /// measurable share of <c>obs run</c>'s start-up (docs/PERFORMANCE.md). Give such a symbol a
    /// <c>DefaultValueFactory</c> too: its default (an empty array) is otherwise made by reflection as well.
    /// </summary>
    public static string[] Texts(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var texts = new string[result.Tokens.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = result.Tokens[i].Value;
        }

        return texts;
    }

    private static int? ParseWholeNumber(string name, ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name} expects a whole number, got '{text}'");
        return null;
    }

    /// <summary><c>text or json</c>; <c>all, failed or none</c>.</summary>
    private static string Alternatives(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
}
