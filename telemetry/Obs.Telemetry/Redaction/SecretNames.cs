namespace Obs.Telemetry.Redaction;

/// <summary>
/// Decides whether a name — a command-line flag, a key in <c>key=value</c> text, a span attribute key or
/// an environment variable — names a secret. Names are split into words on punctuation and camelCase
/// (<c>db.password</c>, <c>--client-secret</c>, <c>AccountKey</c>, <c>x-api-key</c>), so <c>author</c> or
/// <c>max_tokens</c> are not secrets while <c>auth</c> and <c>githubToken</c> are.
/// </summary>
internal static class SecretNames
{
    private const int MaxWords = 16;

    private static readonly string[] SecretWords =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "credential", "credentials",
        "auth", "authorization", "sig", "cookie",
    ];

    // Words that end a concatenated secret name: "dbpassword", "githubtoken", "clientsecret".
    private static readonly string[] SecretSuffixes = ["password", "passwd", "token", "secret"];

    // "key" alone is too common ("cache key"); it is a secret only after one of these ("api key", "AccountKey").
    private static readonly string[] KeyQualifiers =
    [
        "api", "access", "private", "account", "secret", "shared", "signing", "encryption", "master",
        "subscription", "storage", "client", "ssh", "deploy",
    ];

    // A trailing word that describes a secret rather than holding it: "--password-file", "token_type", "secret.name".
    private static readonly string[] DescriptorWords =
    [
        "file", "path", "dir", "directory", "env", "var", "type", "scheme", "method", "mode", "name", "id", "url",
        "uri", "endpoint", "provider", "enabled", "required", "count", "length", "size", "kind", "format",
        "expiry", "expires", "expiration", "ttl", "hint", "jar",
    ];

    private static readonly string[] EnvironmentSecretFragments = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY"];

    /// <summary>True when <paramref name="name"/> (a flag without its dashes, a key or an attribute key) names a secret.</summary>
    public static bool IsSecret(ReadOnlySpan<char> name)
    {
        Span<Range> words = stackalloc Range[MaxWords];
        var count = SplitWords(name, words);
        if (count == 0)
        {
            return false;
        }

        // "--no-auth" switches something off; it carries no value worth hiding.
        if (count > 1 && name[words[0]].Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var last = name[words[count - 1]];
        if (EqualsAny(last, DescriptorWords))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var previous = i > 0 ? name[words[i - 1]] : [];
            if (IsSecretWord(name[words[i]], previous))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when an environment variable's name suggests its value is a secret
    /// (<c>*TOKEN*</c>, <c>*SECRET*</c>, <c>*PASSWORD*</c>, <c>*KEY*</c>, case-insensitive).
    /// </summary>
    public static bool IsSecretEnvironmentVariable(string name)
    {
        foreach (var fragment in EnvironmentSecretFragments)
        {
            if (name.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSecretWord(ReadOnlySpan<char> word, ReadOnlySpan<char> previous)
    {
        if (EqualsAny(word, SecretWords) || EndsWithAny(word, SecretSuffixes))
        {
            return true;
        }

        if (word.EndsWith("key", StringComparison.OrdinalIgnoreCase))
        {
            var qualifier = word.Length == 3 ? previous : word[..^3];
            return EndsWithAny(qualifier, KeyQualifiers);
        }

        if (word.EndsWith("signature", StringComparison.OrdinalIgnoreCase))
        {
            var qualifier = word.Length == "signature".Length ? previous : word[..^"signature".Length];
            return qualifier.EndsWith("access", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    // Splits on anything but letters and digits, and between camelCase humps ("clientSecret", "APIKey").
    private static int SplitWords(ReadOnlySpan<char> name, Span<Range> words)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= name.Length && count < words.Length; i++)
        {
            var atEnd = i == name.Length;
            var isWordChar = !atEnd && char.IsAsciiLetterOrDigit(name[i]);
            var hump = isWordChar && start >= 0 && IsHump(name, i);
            if (start >= 0 && (!isWordChar || hump))
            {
                words[count++] = new Range(start, i);
                start = -1;
            }

            if (isWordChar && start < 0)
            {
                start = i;
            }
        }

        return count;
    }

    private static bool IsHump(ReadOnlySpan<char> name, int i)
    {
        if (!char.IsAsciiLetterUpper(name[i]))
        {
            return false;
        }

        var previous = name[i - 1];
        return char.IsAsciiLetterLower(previous)
            || char.IsAsciiDigit(previous)
            || (char.IsAsciiLetterUpper(previous) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]));
    }

    private static bool EqualsAny(ReadOnlySpan<char> word, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> word, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
