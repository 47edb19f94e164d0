using System.Buffers;
using System.Text;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// The literal values of secret-named environment variables (<c>GITHUB_TOKEN</c>, <c>DB_PASSWORD</c>, <c>AWS_SECRET_ACCESS_KEY</c>),
/// masked wherever they appear — the one way to catch a secret that has no tell-tale shape in the text.
/// Values too short or too plain to be secrets (<c>true</c>, <c>1</c>, <c>8080</c>) are ignored, or they would mask noise;
/// values the host says are secrets (<see cref="Configuration.RedactionOptions.Values"/>) are always masked.
/// </summary>
internal sealed class EnvironmentSecretValues
{
    private const int MinimumLength = 4;

    // Short numbers are ports, sizes and counts (MAX_TOKENS=4096), not secrets.
    private const int MinimumNumericLength = 8;

    private static readonly string[] PlainValues = ["true", "false", "yes", "no", "on", "off", "null", "none", "enabled", "disabled"];

    private readonly string[] _values;
    private readonly SearchValues<string> _search;

    private EnvironmentSecretValues(string[] values)
    {
        // Longest first, so a secret that contains another is masked whole.
        _values = values;
        _search = SearchValues.Create(values, StringComparison.Ordinal);
    }

    /// <summary>
    /// Collects the secret values from <paramref name="environment"/>, plus <paramref name="known"/> ones (a host's own
    /// keys, taken whatever they look like); null when there are none.
    /// </summary>
    public static EnvironmentSecretValues? From(IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? known = null)
    {
        var values = environment
            .Where(pair => pair.Value is not null && SecretNames.IsSecretEnvironmentVariable(pair.Key))
            .Select(pair => pair.Value!.Trim())
            .Where(LooksLikeSecret)
            .Concat((known ?? []).Where(value => value.Length > 0))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)
            .ThenBy(value => value, StringComparer.Ordinal)
            .ToArray();
        return values.Length == 0 ? null : new EnvironmentSecretValues(values);
    }

    /// <summary>Returns <paramref name="input"/> with every occurrence of a secret value replaced by the mask.</summary>
    public string Mask(string input)
    {
        var index = input.AsSpan().IndexOfAny(_search);
        if (index < 0)
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        var copied = 0;
        while (index >= 0)
        {
            var start = copied + index;
            var length = LongestValueAt(input.AsSpan(start));
            output.Append(input, copied, start - copied).Append(SecretRedactor.Mask);
            copied = start + length;
            index = input.AsSpan(copied).IndexOfAny(_search);
        }

        return output.Append(input, copied, input.Length - copied).ToString();
    }

    private int LongestValueAt(ReadOnlySpan<char> text)
    {
        foreach (var value in _values)
        {
            if (text.StartsWith(value, StringComparison.Ordinal))
            {
                return value.Length;
            }
        }

        // Unreachable while _search and _values hold the same strings; masking one character keeps progress.
        return 1;
    }

    private static bool LooksLikeSecret(string value)
    {
        if (value.Length < MinimumLength)
        {
            return false;
        }

        if (value.Length < MinimumNumericLength && !value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        foreach (var plain in PlainValues)
        {
            if (value.Equals(plain, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
