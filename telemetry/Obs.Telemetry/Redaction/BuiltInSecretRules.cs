using System.Buffers;
using System.Text.RegularExpressions;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// The secret shapes Obs always recognises in free text, in the order they run: PEM private keys,
/// GitHub tokens, connection-string keys, <c>Authorization</c> headers, bare bearer tokens, secret-named
/// long flags, URL user-info, then <c>key=value</c> / <c>key: value</c> / JSON pairs with secret-named keys.
/// </summary>
internal static partial class BuiltInSecretRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Built-in patterns are linear by construction; the timeout is a backstop, and a timeout masks the whole value.
    private const int TimeoutMilliseconds = 250;

    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["pass", "pwd", "token", "secret", "key", "auth", "credential", "sig", "cookie", "bearer", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The fast path: false when no built-in rule can possibly match, so the value is not regex-scanned.
    /// One vectorised search for secret-ish words, plus <c>://</c> with <c>@</c> for URL user-info.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> value) =>
        value.ContainsAny(Keywords) || (value.Contains('@') && value.Contains("://", StringComparison.Ordinal));

    /// <summary>Applies every rule to <paramref name="value"/>.</summary>
    public static string Apply(string value)
    {
        foreach (var rule in Rules.All)
        {
            value = rule.Apply(value);
        }

        return value;
    }

    // A class of their own, so that MayMatch (every attribute of every span) does not construct eight regular
    // expressions, one of them parsed at run time (KeyValue's case-insensitive backreference is beyond the source
    // generator), in a process whose spans hold nothing secret-looking: ~2 % of `obs run` (docs/PERFORMANCE.md).
    private static class Rules
    {
        /// <summary>Every rule, in the order they are applied.</summary>
        public static readonly IReadOnlyList<SecretRule> All =
        [
            new("private-key-block", PrivateKeyBlock(), m => SecretRule.Unmasked(m.Groups["secret"])),
            new("github-token", GitHubToken(), m => SecretRule.Unmasked(m.Groups["secret"])),
            new("connection-string", ConnectionStringKey(), m => SecretRule.Unmasked(m.Groups["secret"])),
            new("authorization-header", AuthorizationHeader(), m => SecretRule.Unmasked(m.Groups["secret"])),
            new("bearer-token", BearerToken(), m => SecretRule.Unmasked(m.Groups["secret"])),
            new("secret-flag", SecretFlag(), SecretFlagValue),
            new("url-user-info", UrlUserInfo(), UrlCredentials),
            new("key-value", KeyValue(), SecretKeyValue),
        ];
    }

    private static Group? SecretFlagValue(Match match) =>
        SecretNames.IsSecret(match.Groups["flag"].ValueSpan) ? SecretRule.Unmasked(match.Groups["secret"]) : null;

    private static Group? UrlCredentials(Match match)
    {
        var password = match.Groups["password"];
        if (password.Success)
        {
            return SecretRule.Unmasked(password);
        }

        // A bare user name is a token (https://ghp_x@github.com) unless it is the conventional ssh user.
        var user = match.Groups["user"];
        return user.ValueSpan.Equals("git", StringComparison.OrdinalIgnoreCase) ? null : SecretRule.Unmasked(user);
    }

    private static Group? SecretKeyValue(Match match)
    {
        var key = match.Groups["key"].ValueSpan;
        var secret = match.Groups["secret"];
        if (!SecretNames.IsSecret(key))
        {
            return null;
        }

        // Authorization values keep their scheme; the authorization-header rule has already masked the credentials.
        if (key.EndsWith("authorization", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // PWD=/home/me is the working directory of an environment dump, not a password.
        if (key.Equals("pwd", StringComparison.OrdinalIgnoreCase) && secret.ValueSpan.StartsWithAny('/', '~'))
        {
            return null;
        }

        return SecretRule.Unmasked(secret);
    }

    private static bool StartsWithAny(this ReadOnlySpan<char> value, char first, char second) =>
        !value.IsEmpty && (value[0] == first || value[0] == second);

    [GeneratedRegex(@"-----BEGIN[ A-Z]*PRIVATE KEY-----(?<secret>.*?)(-----END[ A-Z]*PRIVATE KEY-----|\z)", Options | RegexOptions.Singleline, TimeoutMilliseconds)]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?<![\w])(?<secret>gh[pousr]_[a-z0-9]{30,}|github_pat_\w{30,})", Options, TimeoutMilliseconds)]
    private static partial Regex GitHubToken();

    // Only when a ';' follows, so the value may contain spaces: Server=x;Password=a b c;
    [GeneratedRegex(@"(?<![\w.-])(AccountKey|SharedAccessSignature|SharedAccessKey|Password|Pwd)[ \t]*=[ \t]*(?<secret>[^;\r\n""']+)(?=;)", Options, TimeoutMilliseconds)]
    private static partial Regex ConnectionStringKey();

    // Any scheme: Bearer, Basic, token, Negotiate… and a scheme-less credential.
    [GeneratedRegex(@"(?<![\w-])(proxy[-_])?authorization[""']?[ \t]*[:=][ \t]*[""']?([a-z][\w.-]*[ \t]+)?(?<secret>[^\s""',;]+)", Options, TimeoutMilliseconds)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<![\w-])bearer[ \t]+(?<secret>[a-z0-9._~+/-]{6,}=*)", Options, TimeoutMilliseconds)]
    private static partial Regex BearerToken();

    // --flag=value or --flag value (a value never starts with '-', so "--verbose --token x" still pairs --token with x).
    [GeneratedRegex(@"(?<![\w-])--(?<flag>[a-z0-9][\w.-]*)(=|[ \t]+(?!-))(""(?<secret>[^""]*)""|'(?<secret>[^']*)'|(?<secret>[^\s""']+))", Options, TimeoutMilliseconds)]
    private static partial Regex SecretFlag();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://(?<user>[^\s/?#@:]*)(:(?<password>[^\s/?#@]*))?@", Options, TimeoutMilliseconds)]
    private static partial Regex UrlUserInfo();

    // token=x, password: x, "api_key": "x", ?access_token=x&sig=y. The lookahead keeps ordinary "word: text" out cheaply.
    [GeneratedRegex(@"(?<![\w.-])(?<quote>[""']?)(?=[\w.-]*?(pass|pwd|token|secret|key|auth|credential|sig|cookie))(?<key>[a-z_][\w.-]*)\k<quote>[ \t]*[:=][ \t]*(""(?<secret>([^""\\\r\n]|\\.)*)""|'(?<secret>[^'\r\n]*)'|(?<secret>[^\s&;,""'<>(){}\[\]]+))", Options, TimeoutMilliseconds)]
    private static partial Regex KeyValue();
}
