using System.Net;
using System.Text.Json;
using Obs.Api.Tests.Hosting;
using Obs.Testing.Fuzzing;
using Xunit.Abstractions;

namespace Obs.Api.Tests.Reliability;

/// <summary>
/// 1,000 mutated request bodies against the real server: never a 5xx, never a dropped connection;
/// each is either accepted (202) or rejected with a problem that says what is wrong.
/// </summary>
public sealed class FuzzedBodiesTests(FuzzedBodiesTests.Server fixture, ITestOutputHelper output) : IClassFixture<FuzzedBodiesTests.Server>
{
    private const int Cases = 1000;

    private static readonly (string Route, string Seed)[] Seeds =
    [
        ("build", """{"name": "fuzz", "analyze_dependencies": false, "steps": [{"name": "a", "type": "command", "command": "true", "timeout": 5, "env": {"A": "1"}}, {"name": "b", "type": "command", "command": "true", "depends_on": ["a"], "continue_on_error": true}], "artifacts": ["*.whl"]}"""),
        ("test", """{"framework": "pytest", "path": ".", "coverage": false, "parallel": false, "case_spans": "failed", "max_case_spans": 10, "timeout_seconds": 5}"""),
        ("benchmark", """{"iterations": 2, "warmup": 0, "target": {"kind": "command", "command": "true", "timeout_seconds": 5}, "per_iteration_spans": false}"""),
        ("startup", """{"command": "true", "ready": {"port": 1}, "timeout_seconds": 1}"""),
    ];

    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task MutatedBodies_OnEveryStartingRoute_AreAcceptedOrRejectedWithAProblem_NeverA5xx()
    {
        var mutator = new JsonMutator(seed: 20261207);
        var outcomes = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < Cases; i++)
        {
            var (route, seed) = Seeds[i % Seeds.Length];
            var body = mutator.Mutate(seed);
            using var response = await _server.Client.PostJsonAsync(route, body);
            outcomes[response.StatusCode] = outcomes.GetValueOrDefault(response.StatusCode) + 1;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.BadRequest,
                $"POST /{route} {body} answered {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(document.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"POST /{route} {body}: a 400 without errors: {text}");
                Assert.All(errors.EnumerateObject(), e => Assert.All(e.Value.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString()))));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("id").GetString()));
            }
        }

        using var health = await _server.Client.GetAsync("health", KeyIn.None);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(outcomes.GetValueOrDefault(HttpStatusCode.BadRequest) > Cases / 2, "most mutations must be invalid");
        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{(int)o.Key}: {o.Value}")));
    }

    [Fact]
    public async Task OversizedAndDeeplyNestedBodies_Are413And400()
    {
        using var huge = await _server.Client.PostJsonAsync("build", "{\"name\": \"" + new string('x', (int)_server.Options.MaxRequestBodyBytes + 10) + "\"}");
        await huge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        using var deep = await _server.Client.PostJsonAsync("build", new string('[', 10_000) + new string(']', 10_000));
        await deep.AssertInvalidAsync();
    }

    [Fact]
    public async Task NullForAFlag_MeansNotGiven_NotA500()
    {
        // Found by the fuzzer: "continue_on_error": null crashed the deserializer.
        var started = await _server.Client.StartAsync("build", """
            {"analyze_dependencies": null, "steps": [{"name": "a", "type": "command", "command": "true", "continue_on_error": null, "timeout": null}]}
            """);

        Assert.False(string.IsNullOrEmpty(started.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task NulCharacterInAPath_IsA400AtThatPath()
    {
        // Found by the fuzzer: a NUL in "path" threw from Path.GetFullPath.
        using var response = await _server.Client.PostJsonAsync("test", """{"framework": "pytest", "path": "a\u0000b"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("NUL", errors["path"][0], StringComparison.Ordinal);
    }

    /// <summary>Only <c>true</c> may run, so a mutation that stays valid runs nothing harmful.</summary>
    public sealed class Server : ApiServerFixture
    {
        protected override void Configure(ObsApiOptions options) => options.AllowedCommands = ["true"];
    }
}
