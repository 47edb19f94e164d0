using System.Text.Json;
using Obs.Orchestrations.Startup;

namespace Obs.Orchestrations.Tests.Startup;

public sealed class StartupProbeRequestTests
{
    [Fact]
    public void Deserialize_ShellString_IsAShellCommandWithDefaults()
    {
        var request = JsonSerializer.Deserialize("""{ "command": "python3 -m http.server 8000", "ready": { "port": 8000 } }""", StartupJsonContext.Default.StartupProbeRequest)!;

        Assert.Equal("python3 -m http.server 8000", request.Command!.ShellLine);
        Assert.Null(request.Command.Arguments);
        Assert.Equal(8000, request.Ready.Port);
        Assert.Equal(60, request.TimeoutSeconds);
        Assert.False(request.KeepRunning);
        Assert.Empty(request.Validate());
    }

    [Fact]
    public void Deserialize_Array_IsAnArgumentVector()
    {
        var request = JsonSerializer.Deserialize(
            """{ "command": ["node", "server.js"], "ready": { "url": "http://127.0.0.1:3000/health", "log_regex": "listening" }, "timeout_seconds": 5, "keep_running": true }""",
            StartupJsonContext.Default.StartupProbeRequest)!;

        Assert.Equal(["node", "server.js"], request.Command!.Arguments);
        Assert.Equal("node server.js", request.Command.Display());
        Assert.Equal(["log", "url"], request.Ready.Probes());
        Assert.Equal(5, request.TimeoutSeconds);
        Assert.True(request.KeepRunning);
    }

    [Theory]
    [InlineData("""{ "command": 3 }""")]
    [InlineData("""{ "command": [] }""")]
    [InlineData("""{ "command": "" }""")]
    public void Deserialize_BadCommand_Throws(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, StartupJsonContext.Default.StartupProbeRequest));

    [Fact]
    public void Serialize_RoundTripsBothCommandForms()
    {
        foreach (var command in (StartupCommand[])[StartupCommand.Shell("a b"), StartupCommand.FromArguments("a", "b c")])
        {
            var json = JsonSerializer.Serialize(new StartupProbeRequest { Command = command, Ready = new StartupReadiness { Port = 1 } }, StartupJsonContext.Default.StartupProbeRequest);
            var back = JsonSerializer.Deserialize(json, StartupJsonContext.Default.StartupProbeRequest)!;
            Assert.Equal(command.ShellLine, back.Command!.ShellLine);
            Assert.Equal(command.Arguments, back.Command.Arguments);
        }
    }

    [Fact]
    public void Validate_EveryProblemReported()
    {
        var problems = new StartupProbeRequest { Ready = new StartupReadiness { Port = 70000, Url = "nope", LogRegex = "(" }, TimeoutSeconds = 0 }.Validate();

        Assert.Equal(5, problems.Count);
    }
}
