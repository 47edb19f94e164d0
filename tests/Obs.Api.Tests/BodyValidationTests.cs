using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary>A bad body is one 400 problem listing every problem by JSON path, before anything starts.</summary>
public sealed class BodyValidationTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Theory]
    [InlineData("""{"steps": [""")]
    [InlineData("""{steps: []}""")]
    [InlineData("not json at all")]
    public async Task BuildPost_MalformedJson_400AtTheRoot(string body)
    {
        using var response = await _server.Client.PostJsonAsync("build", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["$"], errors.Keys);
        Assert.Contains("not valid JSON", errors["$"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPost_WrongTypesInSeveralFields_One400ListingEveryPath()
    {
        using var response = await _server.Client.PostJsonAsync("build", """
            {
              "steps": [{"name": 1, "type": "command", "command": "true", "timeout": "soon", "env": {"A": 2}}],
              "artifacts": "dist/*",
              "analyze_dependencies": "yes",
              "colour": "blue"
            }
            """);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(
            ["analyze_dependencies", "artifacts", "colour", "steps[0].env.A", "steps[0].name", "steps[0].timeout"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("a string", errors["steps[0].name"][0], StringComparison.Ordinal);
        Assert.Contains("a number", errors["steps[0].timeout"][0], StringComparison.Ordinal);
        Assert.Contains("a list", errors["artifacts"][0], StringComparison.Ordinal);
        Assert.Contains("unknown key", errors["colour"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPost_MisspeltKeyWrongTypeAndUnknownDependency_One400ListingEachInTheCliWords()
    {
        using var response = await _server.Client.PostJsonAsync("build", """
            {
              "steps": [
                {"name": "slow", "type": "command", "command": "sleep 100", "timout": 5},
                {"name": "b", "type": "command", "command": "true", "timeout": "soon", "depends_on": ["ghost"]}
              ]
            }
            """);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["unknown key; did you mean 'timeout'?"], errors["steps[0].timout"]);
        Assert.Equal(["expected a number of seconds, got 'soon'."], errors["steps[1].timeout"]);
        Assert.Equal(["Step 'b' depends on 'ghost', which is not a step."], errors["steps[1].depends_on"]);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task TestPost_MisspeltField_SuggestsTheFieldMeant()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framwork": "pytest"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["unknown key; did you mean 'framework'?"], errors["framwork"]);
    }

    [Fact]
    public async Task BuildPost_MissingAndNullRequiredFields_400NamingEach()
    {
        using var response = await _server.Client.PostJsonAsync("build", """{"steps":[{"name":"a"},{"name":null,"type":"command","command":"true"}, 7]}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["steps[0].type", "steps[1].name", "steps[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"steps\"")]
    [InlineData("42")]
    public async Task BuildPost_BodyNotAnObject_400AtTheRoot(string body)
    {
        using var response = await _server.Client.PostJsonAsync("build", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["$"], errors.Keys);
    }

    [Theory]
    [InlineData("""{"steps":[{"name":"a","type":"command","command":"true"},{"name":"a","type":"command","command":"true"}]}""", "more than one step")]
    [InlineData("""{"steps":[{"name":"a","type":"command","command":"true","depends_on":["ghost"]}]}""", "ghost")]
    [InlineData("""{"steps":[{"name":"a","type":"command","command":"true","depends_on":["b"]},{"name":"b","type":"command","command":"true","depends_on":["a"]}]}""", "cycle")]
    [InlineData("""{"steps":[{"name":"a","type":"shell","command":"true"}]}""", "expected 'python' or 'command'")]
    [InlineData("""{"steps":[{"name":"a","type":"command"}]}""", "without a command")]
    [InlineData("""{"steps":[]}""", "no steps")]
    public async Task BuildPost_SemanticProblem_400(string body, string expected)
    {
        using var response = await _server.Client.PostJsonAsync("build", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Contains(errors.Values.SelectMany(m => m), m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildPost_InvalidBodyWithTraceparent_ProblemCarriesTheTraceId()
    {
        var client = Traceparent.New();

        using var response = await _server.Client.PostJsonAsync("build", "{}", traceparent: client.Header);

        var problem = await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(client.TraceId.ToHexString(), problem.GetProperty("traceId").GetString());
        Assert.Equal("/build", problem.GetProperty("instance").GetString());
        Assert.Equal("1 problem; see errors.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BuildPost_CommentsAndTrailingCommas_Accepted()
    {
        using var response = await _server.Client.PostJsonAsync("build", """
            {
              // a comment
              "steps": [{"name": "a", "type": "command", "command": "true",},],
              "analyze_dependencies": false,
            }
            """);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }
}
