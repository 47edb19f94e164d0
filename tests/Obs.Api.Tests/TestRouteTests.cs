using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>POST /test</c>: pytest, dotnet or junit (any command writing JUnit XML to <c>{report}</c>).</summary>
public sealed class TestRouteTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task TestPost_UnknownFramework_400NamingFramework()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"nunit"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["$"], errors.Keys);
        Assert.Equal("unknown test framework 'nunit': use pytest, dotnet or junit", Assert.Single(errors["$"]));
    }

    [Fact]
    public async Task TestPost_JUnitWithoutCommand_400NamingCommand()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"junit"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["$"], errors.Keys);
        Assert.Contains("{report}", errors["$"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestPost_BadLimitsAndTypes_400ListingEach()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"junit","command":["true"],"max_case_spans":-1,"timeout_seconds":0}""");
        using var typed = await _server.Client.PostJsonAsync("test", """{"parallel":"yes","command":"true","env":[]}""");

        Assert.Equal(["max_case_spans must not be negative.", "timeout_seconds must be positive, not 0."], (await response.AssertInvalidAsync())["$"]);
        Assert.Equal(["command", "env", "parallel"], (await typed.AssertInvalidAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TestPost_JUnitCommandWritingAReport_CompletedWithOnePassingCase()
    {
        var payload = await _server.Client.StartAsync("test", """
            {"framework":"junit","command":["sh","-c","printf '<testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\" name=\"t\"/></testsuite>' > {report}"]}
            """);

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var output = status.GetProperty("output");
        Assert.True(output.GetProperty("success").GetBoolean(), output.ToString());
        Assert.Equal("junit", output.GetProperty("framework").GetString());
        Assert.Equal(1, output.GetProperty("total").GetInt32());
        Assert.Equal(1, output.GetProperty("passed").GetInt32());
        Assert.Equal(0, output.GetProperty("failed").GetInt32());
    }
}
