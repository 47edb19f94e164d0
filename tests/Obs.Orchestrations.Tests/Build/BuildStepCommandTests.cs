using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

public sealed class BuildStepCommandTests
{
    [Fact]
    public void ToProcessSpec_PythonStep_RunsModuleWithPython3ByDefault()
    {
        var step = new BuildStepDefinition { Name = "deps", Type = "python", Module = "pip", Args = ["install", "-r", "requirements.txt"], Timeout = 5 };

        var spec = BuildStepCommand.ToProcessSpec(step, "/work/app");

        Assert.Equal("python3", spec.FileName);
        Assert.Equal(["-m", "pip", "install", "-r", "requirements.txt"], spec.Arguments);
        Assert.Equal("/work/app", spec.WorkingDirectory);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.Timeout);
        Assert.Equal("pip install -r requirements.txt", BuildStepCommand.Display(step));
    }

    [Fact]
    public void ToProcessSpec_CommandStep_AppendsArgsShellQuotedAndResolvesWorkingDir()
    {
        var step = new BuildStepDefinition { Name = "t", Type = "command", Command = "echo", Args = ["plain", "two words", "it's"], WorkingDir = "sub", Env = new Dictionary<string, string?> { ["A"] = "1" } };

        var spec = BuildStepCommand.ToProcessSpec(step, "/work/app");

        Assert.Equal("echo plain 'two words' 'it'\\''s'", BuildStepCommand.CommandLine(step));
        Assert.Equal(BuildStepCommand.CommandLine(step), spec.Arguments[^1]);
        Assert.Equal(Path.GetFullPath("/work/app/sub"), spec.WorkingDirectory);
        Assert.Equal("1", spec.Environment["A"]);
        Assert.Null(spec.Timeout);
    }

    [Fact]
    public void ToProcessSpec_PythonInterpreter_IsConfigurable()
    {
        var step = new BuildStepDefinition { Name = "p", Type = "python", Module = "build", Python = "/opt/py/bin/python" };

        Assert.Equal("/opt/py/bin/python", BuildStepCommand.ToProcessSpec(step, "/w").FileName);
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("a-b_c.d/e=f:g", "a-b_c.d/e=f:g")]
    [InlineData("$HOME", "'$HOME'")]
    public void ShellQuote_QuotesOnlyWhatTheShellWouldInterpret(string argument, string expected)
    {
        Assert.Equal(expected, BuildStepCommand.ShellQuote(argument));
    }
}
