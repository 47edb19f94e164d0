using Obs.Telemetry.Configuration;
using Obs.Telemetry.Redaction;

namespace Obs.Telemetry.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Redact_ValueOfSecretNamedEnvironmentVariable_IsMaskedWherever_ItAppears()
    {
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = "gho-literal-value",
            ["Db_Password"] = "correct horse",
            ["AZURE_CLIENT_SECRET"] = "ZmFrZS1zZWNyZXQ",
            ["SIGNING_KEY"] = "k3y-material",
            ["HOME"] = "/home/me",
        };
        var redactor = new SecretRedactor(new RedactionOptions(), environment);

        var redacted = redactor.Redact("cloned with gho-literal-value as correct horse, ZmFrZS1zZWNyZXQ and k3y-material in /home/me");

        Assert.Equal("cloned with [REDACTED] as [REDACTED], [REDACTED] and [REDACTED] in /home/me", redacted);
    }

    [Fact]
    public void Redact_NoisyValuesOfSecretNamedVariables_AreNotMasked()
    {
        var environment = new Dictionary<string, string?>
        {
            ["FEATURE_KEY_ENABLED"] = "true",
            ["USE_TOKEN"] = "1",
            ["API_KEY"] = "abc",
            ["MAX_TOKENS"] = "4096",
            ["SECRET_FALLBACK"] = "false",
            ["EMPTY_PASSWORD"] = null,
        };
        var redactor = new SecretRedactor(new RedactionOptions(), environment);
        const string text = "ok: true 1 abc 4096 false";

        Assert.Same(text, redactor.Redact(text));
    }

    [Fact]
    public void Redact_OverlappingEnvironmentSecrets_MasksTheLongest()
    {
        var environment = new Dictionary<string, string?> { ["A_TOKEN"] = "abcd", ["B_TOKEN"] = "abcdefgh" };
        var redactor = new SecretRedactor(new RedactionOptions(), environment);

        Assert.Equal("x [REDACTED] y [REDACTED]", redactor.Redact("x abcdefgh y abcd"));
    }

    [Fact]
    public void Redact_KnownValues_AreMaskedLiterallyWhateverTheyLookLike()
    {
        var options = new RedactionOptions();
        options.Values.Add("k+1");          // short, and a regular expression would read '+' as a quantifier
        options.Values.Add("key.with(parens)");
        options.Values.Add(string.Empty);   // ignored, or every position would match
        var redactor = new SecretRedactor(options, NoEnvironment);

        Assert.Equal("a [REDACTED] b kk1 c [REDACTED]", redactor.Redact("a k+1 b kk1 c key.with(parens)"));
        Assert.Same("nothing here", redactor.Redact("nothing here"));
    }

    [Fact]
    public void Redact_ConfiguredPatterns_MaskTheMatchOrItsFirstGroup()
    {
        var options = new RedactionOptions();
        options.Patterns.Add("ACME-[0-9]{6}");
        options.Patterns.Add("ticket=(\\w+)");
        var redactor = new SecretRedactor(options, NoEnvironment);

        Assert.Equal("id [REDACTED], ticket=[REDACTED] ok", redactor.Redact("id ACME-123456, ticket=T99 ok"));
    }

    [Fact]
    public void Redact_ConfiguredPatternThatTimesOut_MasksTheWholeValue()
    {
        var options = new RedactionOptions();
        options.Patterns.Add("(a+)+$");
        var redactor = new SecretRedactor(options, NoEnvironment);

        Assert.Equal(SecretRedactor.Mask, redactor.Redact(new string('a', 40) + "!"));
    }

    [Fact]
    public void Constructor_InvalidPattern_ThrowsNamingTheConfigKey()
    {
        var options = new RedactionOptions();
        options.Patterns.Add("ok");
        options.Patterns.Add("([unclosed");

        var error = Assert.Throws<ArgumentException>(() => new SecretRedactor(options, NoEnvironment));
        Assert.Contains("tracing.redaction.patterns[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_LeavesEverythingAsIs()
    {
        var options = new RedactionOptions { Enabled = false };
        options.Patterns.Add("hunter2");
        var redactor = new SecretRedactor(options, new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "abcdefgh" });
        string[] args = ["--token", "abcdefgh"];

        Assert.Equal("--password hunter2 abcdefgh", redactor.Redact("--password hunter2 abcdefgh"));
        Assert.Same(args, redactor.RedactArguments(args));
        Assert.Equal("hunter2", redactor.RedactAttribute("db.password", "hunter2"));
    }

    [Fact]
    public void RedactArguments_SecretFlagThenValue_MasksTheNextElement()
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);

        var redacted = redactor.RedactArguments(["deploy", "--token", "abc 123", "--db-password", "p", "--api-key=k", "--verbose", "--user", "ci"]);

        Assert.Equal(["deploy", "--token", "[REDACTED]", "--db-password", "[REDACTED]", "--api-key=[REDACTED]", "--verbose", "--user", "ci"], redacted);
    }

    [Fact]
    public void RedactArguments_SecretFlagFollowedByAnotherFlag_KeepsTheFlag()
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);
        string[] args = ["login", "--password", "--interactive"];

        Assert.Same(args, redactor.RedactArguments(args));
    }

    [Fact]
    public void RedactArguments_NothingSecret_ReturnsTheSameInstance()
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);
        string[] args = ["dotnet", "build", "--configuration", "Release"];

        Assert.Same(args, redactor.RedactArguments(args));
    }

    [Theory]
    [InlineData("db.password")]
    [InlineData("api_key")]
    [InlineData("auth.token")]
    [InlineData("http.request.header.authorization")]
    [InlineData("http.request.header.x-api-key")]
    [InlineData("azure.storage.AccountKey")]
    [InlineData("clientSecret")]
    public void RedactAttribute_SecretNamedKey_MasksTheWholeValue(string key)
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);

        Assert.Equal(SecretRedactor.Mask, redactor.RedactAttribute(key, "plain-looking"));
        Assert.Equal(SecretRedactor.Mask, redactor.RedactAttribute(key, new[] { "Bearer abc" }));
        Assert.Equal(SecretRedactor.Mask, redactor.RedactAttribute(key, 123456));
    }

    [Theory]
    [InlineData("process.command_args")]
    [InlineData("test.case.name")]
    [InlineData("author")]
    [InlineData("gen_ai.usage.input_tokens")]
    [InlineData("secret.name")]
    [InlineData("password_file")]
    public void RedactAttribute_OrdinaryKey_KeepsAPlainValue(string key)
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);
        const string value = "plain-looking";

        Assert.Same(value, redactor.RedactAttribute(key, value));
    }

    [Fact]
    public void RedactAttribute_ByValueType_RedactsStringsAndArgumentsAndKeepsOthers()
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);
        object exitCode = 1;
        object flag = true;
        int[] numbers = [1, 2];

        Assert.Equal("run --password [REDACTED]", redactor.RedactAttribute("process.command_line", "run --password x"));
        Assert.Equal(new[] { "run", "--token", "[REDACTED]" }, redactor.RedactAttribute("process.command_args", new[] { "run", "--token", "x" }));
        Assert.Same(exitCode, redactor.RedactAttribute("process.exit.code", exitCode));
        Assert.Same(flag, redactor.RedactAttribute("auth", flag));
        Assert.Same(numbers, redactor.RedactAttribute("numbers", numbers));
        Assert.Null(redactor.RedactAttribute("db.password", null));
    }

    [Fact]
    public void RedactAttribute_OtherObject_IsRedactedThroughItsText()
    {
        var redactor = new SecretRedactor(new RedactionOptions(), NoEnvironment);

        Assert.Equal("https://ci:[REDACTED]@example.com/", redactor.RedactAttribute("url.full", new Uri("https://ci:pa55@example.com/")));
    }
}
