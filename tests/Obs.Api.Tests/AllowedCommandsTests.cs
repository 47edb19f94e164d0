using System.Net;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary>A server that lets requests run <c>echo</c> and nothing else.</summary>
public sealed class EchoOnlyApiServer : ApiServerFixture
{
    protected override void Configure(ObsApiOptions options) => options.AllowedCommands = ["echo"];
}

/// <summary><c>AllowedCommands</c>: every program a request names is checked, and shell lines may not chain others.</summary>
public sealed class AllowedCommandsTests(EchoOnlyApiServer fixture) : IClassFixture<EchoOnlyApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Fact]
    public async Task BuildPost_StepProgramNotAllowed_400NamingTheCommand()
    {
        using var response = await _server.Client.PostJsonAsync("build", Build("rm -rf x"));

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["steps[0].command"], errors.Keys);
        Assert.Contains("'rm'", errors["steps[0].command"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo hi; rm x")]
    [InlineData("echo hi && rm x")]
    [InlineData("echo hi | sh")]
    [InlineData("echo $(rm x)")]
    [InlineData("echo `rm x`")]
    [InlineData("echo hi > f")]
    [InlineData("echo hi\nrm x")]
    public async Task BuildPost_ShellOperators_400NamingTheCommand(string line)
    {
        using var response = await _server.Client.PostJsonAsync("build", Build(line));

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("shell operators", Assert.Single(errors["steps[0].command"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPost_AllowedProgram_202AndSucceeds()
    {
        var payload = await _server.Client.StartAsync("build", Build("echo hi"));

        var status = await _server.Client.PollUntilFinishedAsync(payload.GetProperty("statusQueryGetUri").GetString()!);
        Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean(), status.ToString());
    }

    [Fact]
    public async Task BuildPost_PythonStepWithDefaultInterpreter_400NamingTheType()
    {
        using var response = await _server.Client.PostJsonAsync("build", """{"steps":[{"name":"pip","type":"python","module":"pip"}]}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("python3", Assert.Single(errors["steps[0].type"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestPost_FrameworkNotAllowed_400NamingTheFramework()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"pytest"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["framework"], errors.Keys);
    }

    [Fact]
    public async Task TestPost_JUnitCommandNotAllowed_400NamingCommand0()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"junit","command":["sh","-c","true"]}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("command[0]", errors.Keys);
    }

    [Fact]
    public async Task StartupPost_ProgramNotAllowed_400NamingCommand0()
    {
        using var response = await _server.Client.PostJsonAsync("startup", """{"command":["sh","-c","echo ready"],"ready":{"log_regex":"ready"}}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["command[0]"], errors.Keys);
    }

    [Fact]
    public async Task StartupPost_ShellLineWithOperators_400NamingCommand()
    {
        using var response = await _server.Client.PostJsonAsync("startup", """{"command":"echo ready; sleep 30","ready":{"log_regex":"ready"}}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["command"], errors.Keys);
    }

    [Fact]
    public async Task BenchmarkPost_CommandTargetNotAllowed_400NamingTargetCommand0()
    {
        using var response = await _server.Client.PostJsonAsync("benchmark", """{"iterations":1,"warmup":0,"target":{"kind":"command","command":["true"]}}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["target.command[0]"], errors.Keys);
    }

    [Fact]
    public async Task BenchmarkPost_BuiltinTarget_NotChecked202()
    {
        using var response = await _server.Client.PostJsonAsync("benchmark", """{"iterations":1,"warmup":0,"target":{"kind":"builtin","spans_per_iteration":1}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BuildPost_AllowedNameUnderAnotherDirectory_400()
    {
        using var response = await _server.Client.PostJsonAsync("build", Build("/tmp/elsewhere/echo hi"));

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("/tmp/elsewhere/echo", Assert.Single(errors["steps[0].command"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("LD_PRELOAD")]
    [InlineData("DYLD_INSERT_LIBRARIES")]
    [InlineData("BASH_ENV")]
    public async Task BuildPost_StepEnvChoosingTheProgram_400NamingTheVariable(string variable)
    {
        var body = $$$"""{"steps":[{"name":"s","type":"command","command":"echo hi","env":{"{{{variable}}}":"/tmp/x"}}],"analyze_dependencies":false}""";
        using var response = await _server.Client.PostJsonAsync("build", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal([$"steps[0].env.{variable}"], errors.Keys);
    }

    [Fact]
    public async Task TestPost_EnvSettingPath_400NamingIt()
    {
        using var response = await _server.Client.PostJsonAsync("test", """{"framework":"junit","command":["echo","{report}"],"env":{"PATH":"/tmp"}}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Contains("env.PATH", errors.Keys);
    }

    [Fact]
    public async Task BuildPost_HarmlessEnv_Accepted()
    {
        var body = """{"steps":[{"name":"s","type":"command","command":"echo hi","env":{"GREETING":"hello"}}],"analyze_dependencies":false}""";
        using var response = await _server.Client.PostJsonAsync("build", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static string Build(string command) =>
        $$"""{"steps":[{"name":"s","type":"command","command":{{System.Text.Json.JsonSerializer.Serialize(command)}}}],"analyze_dependencies":false}""";
}
