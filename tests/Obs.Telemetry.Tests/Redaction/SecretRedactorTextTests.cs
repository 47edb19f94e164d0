using Obs.Telemetry.Configuration;
using Obs.Telemetry.Redaction;

namespace Obs.Telemetry.Tests.Redaction;

public sealed class SecretRedactorTextTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions(), new Dictionary<string, string?>());

    [Theory]
    // Long flags whose name looks secret, with the value separate or after '='.
    [InlineData("deploy --password hunter2", "deploy --password [REDACTED]")]
    [InlineData("deploy --password=hunter2", "deploy --password=[REDACTED]")]
    [InlineData("migrate --DB-Password hunter2 --verbose", "migrate --DB-Password [REDACTED] --verbose")]
    [InlineData("publish --api-key=abc123 --source nuget", "publish --api-key=[REDACTED] --source nuget")]
    [InlineData("az login --client-secret 's3 cr3t'", "az login --client-secret '[REDACTED]'")]
    [InlineData("gh --verbose --token abc123", "gh --verbose --token [REDACTED]")]
    [InlineData("x --apikey k1 --access-key k2 --private-key k3 --auth k4 --credentials k5 --passwd k6 --pwd k7 --secret k8",
        "x --apikey [REDACTED] --access-key [REDACTED] --private-key [REDACTED] --auth [REDACTED] --credentials [REDACTED] --passwd [REDACTED] --pwd [REDACTED] --secret [REDACTED]")]
    // Key-value pairs, JSON and query strings.
    [InlineData("using token=abc123 now", "using token=[REDACTED] now")]
    [InlineData("password: hunter2", "password: [REDACTED]")]
    [InlineData("{\"api_key\": \"abc123\", \"name\": \"ci\"}", "{\"api_key\": \"[REDACTED]\", \"name\": \"ci\"}")]
    [InlineData("GET /cb?access_token=abc123&state=ok", "GET /cb?access_token=[REDACTED]&state=ok")]
    [InlineData("https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030&sig=AbC%2Bd%3D", "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030&sig=[REDACTED]")]
    [InlineData("export GITHUB_TOKEN=abc123", "export GITHUB_TOKEN=[REDACTED]")]
    [InlineData("author: alice token=abc123", "author: alice token=[REDACTED]")]
    // Authorization headers, any scheme, and bare bearer tokens.
    [InlineData("Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig", "Authorization: Bearer [REDACTED]")]
    [InlineData("curl -H 'Authorization: Basic dXNlcjpwYXNz' https://x", "curl -H 'Authorization: Basic [REDACTED]' https://x")]
    [InlineData("\"authorization\": \"token abc123\"", "\"authorization\": \"token [REDACTED]\"")]
    [InlineData("sent Bearer eyJhbGciOi.eyJzdWIi", "sent Bearer [REDACTED]")]
    // URL user-info.
    [InlineData("git clone https://user:pa55word@example.com/repo.git", "git clone https://user:[REDACTED]@example.com/repo.git")]
    [InlineData("git clone https://abc123@github.com/org/repo", "git clone https://[REDACTED]@github.com/org/repo")]
    // Connection strings.
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=ab+c/d==;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core.windows.net")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc=",
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=[REDACTED]")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2022&sig=abc;",
        "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=[REDACTED];")]
    [InlineData("Server=db;User Id=sa;Password=p@ss w0rd;", "Server=db;User Id=sa;Password=[REDACTED];")]
    [InlineData("Server=db;Uid=sa;Pwd=abc123;", "Server=db;Uid=sa;Pwd=[REDACTED];")]
    // Well-known token formats.
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----")]
    [InlineData("pushed with ghp_0123456789abcdefghijABCDEFGHIJ012345", "pushed with [REDACTED]")]
    public void Redact_SecretInText_MasksOnlyTheSecret(string input, string expected)
    {
        Assert.Equal(expected, _redactor.Redact(input));
    }

    [Theory]
    [InlineData("dotnet test --filter Category=Unit --logger trx")]
    [InlineData("deploy --author alice --password-file /run/secrets/db")]
    [InlineData("git clone ssh://git@github.com/org/repo.git")]
    [InlineData("PWD=/home/me HOME=/home/me")]
    [InlineData("max_tokens=4096 token_type=bearer")]
    [InlineData("System.Security.Authentication.AuthenticationException: The remote certificate is invalid")]
    [InlineData("test_password_reset_sends_email")]
    [InlineData("a monkey pressed a key")]
    public void Redact_NothingSecret_ReturnsTheSameInstance(string input)
    {
        Assert.Same(input, _redactor.Redact(input));
    }

    [Theory]
    [InlineData("deploy --password hunter2 token=abc https://u:p@host Authorization: Bearer abcdefgh")]
    [InlineData("Server=db;Password=abc;AccountKey=xyz==;")]
    public void Redact_AppliedTwice_ChangesNothingMore(string input)
    {
        var once = _redactor.Redact(input);

        Assert.Equal(once, _redactor.Redact(once));
    }

    [Theory]
    [InlineData("dotnet build --configuration Release", false)]
    [InlineData("test.case.name", false)]
    [InlineData("mailto:someone@example.com", false)]
    [InlineData("--TOKEN x", true)]
    [InlineData("https://u@host", true)]
    [InlineData("ghp_0123", true)]
    public void MayMatch_IsTheCheapGateBeforeAnyRegularExpression(string value, bool expected)
    {
        Assert.Equal(expected, BuiltInSecretRules.MayMatch(value));
    }
}
