using System.Text;
using System.Text.RegularExpressions;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// One way secrets show up in text: a regular expression that finds a candidate, and a selector that
/// returns the part of the match to mask — or null when the candidate turns out not to be secret
/// (<c>--verbose x</c>, <c>https://git@host</c>), in which case the text around it stays untouched.
/// </summary>
internal sealed class SecretRule(string name, Regex regex, Func<Match, Group?> secretPart)
{
    /// <summary>A short name for diagnostics and tests.</summary>
    public string Name { get; } = name;

    /// <summary>Returns <paramref name="input"/> with every secret part replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public string Apply(string input)
    {
        StringBuilder? output = null;
        var copied = 0;
        var match = regex.Match(input);
        while (match.Success)
        {
            var secret = secretPart(match);
            if (secret is null || IsInsideMask(input, secret))
            {
                // A candidate that is not secret must not swallow a secret inside it ("author: token=x"),
                // so scanning resumes one character in rather than after the whole match.
                match = match.Index + 1 <= input.Length ? regex.Match(input, match.Index + 1) : Match.Empty;
                continue;
            }

            output ??= new StringBuilder(input.Length);
            output.Append(input, copied, secret.Index - copied).Append(SecretRedactor.Mask);
            copied = secret.Index + secret.Length;
            match = match.NextMatch();
        }

        return output is null ? input : output.Append(input, copied, input.Length - copied).ToString();
    }

    /// <summary>The group, unless it is empty or already masked (so redaction is idempotent).</summary>
    public static Group? Unmasked(Group group) =>
        group.Success && group.Length > 0 && !group.ValueSpan.SequenceEqual(SecretRedactor.Mask) ? group : null;

    // Keeps redaction idempotent for patterns that would match inside the mask itself ("[A-Z]{4,}" and "[REDACTED]").
    private static bool IsInsideMask(string input, Group secret)
    {
        var end = secret.Index + secret.Length;
        for (var start = Math.Max(0, end - SecretRedactor.Mask.Length); start <= secret.Index; start++)
        {
            if (input.AsSpan(start).StartsWith(SecretRedactor.Mask, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
