using System.Globalization;
using System.Text.RegularExpressions;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// The <c>tracing.redaction.patterns</c> a team adds for its own secret shapes. Each is compiled once, at start,
/// culture-invariant and with a match timeout; every match is masked, or only its first group when it has one.
/// </summary>
internal static class ConfiguredSecretPatterns
{
    /// <summary>How long one configured pattern may run on one value before the value is masked whole.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles <paramref name="patterns"/> into rules; throws naming the config key when one is invalid.</summary>
    public static SecretRule[] Compile(IList<string> patterns)
    {
        var rules = new SecretRule[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"tracing.redaction.patterns[{i}]");
            Regex regex;
            try
            {
                regex = new Regex(patterns[i], RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{key}: '{patterns[i]}' is not a valid regular expression: {ex.Message}", nameof(patterns), ex);
            }

            rules[i] = new SecretRule(key, regex, SecretPartOf(regex));
        }

        return rules;
    }

    private static Func<Match, Group?> SecretPartOf(Regex regex)
    {
        if (regex.GetGroupNumbers().Length > 1)
        {
            // An optional group that did not take part in the match captured nothing secret.
            return match => match.Groups[1].Success ? SecretRule.Unmasked(match.Groups[1]) : null;
        }

        return match => SecretRule.Unmasked(match.Groups[0]);
    }
}
