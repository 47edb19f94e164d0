using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Redaction;

/// <summary>
/// Scrubs secrets from text, command lines and span attribute values before they leave the process,
/// replacing only the secret part with <see cref="Mask"/> so the context stays readable
/// (<c>--password [REDACTED]</c>, <c>https://user:[REDACTED]@host</c>, <c>Authorization: Bearer [REDACTED]</c>).
/// </summary>
/// <remarks>
/// Recognises secret-named long flags, <c>key=value</c> / <c>key: value</c> / JSON pairs and query parameters,
/// <c>Authorization</c> headers and bearer tokens, URL user-info, connection-string keys, PEM private keys and
/// GitHub tokens; the literal values of secret-named environment variables and of <see cref="RedactionOptions.Values"/>; and the configured
/// <see cref="RedactionOptions.Patterns"/>. Thread-safe; values with nothing secret-looking skip the regular expressions.
/// </remarks>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[REDACTED]";

    // Attribute keys are few and repeat on every span; their verdicts are cached up to this many keys.
    private const int MaxCachedKeys = 4096;

    private readonly bool _enabled;
    private readonly EnvironmentSecretValues? _environmentSecrets;
    private readonly SecretRule[] _configuredRules;
    private readonly ConcurrentDictionary<string, bool> _secretKeys = new(StringComparer.Ordinal);

    /// <summary>Creates a redactor.</summary>
    /// <param name="options">Whether redaction is on, and the extra patterns.</param>
    /// <param name="environment">The process environment; values of secret-named variables are masked wherever they appear.</param>
    /// <exception cref="ArgumentException">A configured pattern is not a valid regular expression.</exception>
    public SecretRedactor(RedactionOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _enabled = options.Enabled;
        _environmentSecrets = _enabled ? EnvironmentSecretValues.From(environment, options.Values) : null;
        _configuredRules = _enabled ? ConfiguredSecretPatterns.Compile(options.Patterns) : [];
    }

    /// <summary>Replaces the secret-looking parts of free text with <see cref="Mask"/>, keeping the rest.</summary>
    /// <returns>The redacted text; the same instance when nothing was secret.</returns>
    public string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_enabled || value.Length == 0)
        {
            return value;
        }

        try
        {
            var result = _environmentSecrets?.Mask(value) ?? value;
            if (BuiltInSecretRules.MayMatch(result))
            {
                result = BuiltInSecretRules.Apply(result);
            }

            foreach (var rule in _configuredRules)
            {
                result = rule.Apply(result);
            }

            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            // A value we cannot finish scanning might still hold a secret.
            return Mask;
        }
    }

    /// <summary>
    /// Redacts a command line given as separate arguments: the element after a secret-named flag
    /// (<c>--password</c>, <c>--token</c>, <c>--db-password</c>) is masked whole, and every element goes through <see cref="Redact"/>.
    /// </summary>
    /// <returns>The redacted arguments; the same instance when nothing was secret.</returns>
    public IReadOnlyList<string> RedactArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RedactArgumentsOrNull(args) ?? args;
    }

    /// <summary>
    /// Redacts a span attribute value. The whole value is masked when <paramref name="key"/> itself names a secret
    /// (<c>db.password</c>, <c>api_key</c>, <c>http.request.header.authorization</c>); otherwise strings go through
    /// <see cref="Redact"/>, string arrays through <see cref="RedactArguments"/>, and numbers and booleans stay as they are
    /// (a boolean is never masked, even under a secret-named key: it cannot hold a secret).
    /// </summary>
    /// <returns>The redacted value; the same instance when nothing was secret.</returns>
    public object? RedactAttribute(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_enabled || value is null or bool)
        {
            return value;
        }

        if (IsSecretKey(key))
        {
            return Mask;
        }

        return value switch
        {
            string text => Redact(text),
            string[] args => RedactArgumentsOrNull(args) ?? args,
            Array or IConvertible => value,
            _ => RedactFormatted(value),
        };
    }

    private string[]? RedactArgumentsOrNull(IReadOnlyList<string> args)
    {
        if (!_enabled)
        {
            return null;
        }

        string[]? redacted = null;
        for (var i = 0; i < args.Count; i++)
        {
            var original = args[i];
            var value = Redact(original);
            if (i > 0 && TakesSecretValue(args[i - 1]) && value is { Length: > 0 } && !IsLongFlag(value))
            {
                value = Mask;
            }

            if (!ReferenceEquals(value, original) && value != original)
            {
                redacted ??= [.. args];
                redacted[i] = value;
            }
        }

        return redacted;
    }

    private bool IsSecretKey(string key)
    {
        if (_secretKeys.TryGetValue(key, out var secret))
        {
            return secret;
        }

        secret = SecretNames.IsSecret(key);
        if (_secretKeys.Count < MaxCachedKeys)
        {
            _secretKeys.TryAdd(key, secret);
        }

        return secret;
    }

    // Objects an exporter would turn into text via ToString(); a secret inside must not slip through that way.
    private object RedactFormatted(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        var redacted = Redact(text);
        return ReferenceEquals(redacted, text) ? value : redacted;
    }

    // "--password" with its value in the next element (not "--password=x", which Redact handles).
    private static bool TakesSecretValue(string? arg) =>
        arg is not null && IsLongFlag(arg) && !arg.Contains('=', StringComparison.Ordinal) && SecretNames.IsSecret(arg.AsSpan(2));

    private static bool IsLongFlag(string arg) => arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal);
}
