using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

public sealed class BuildDefinitionLoaderTests
{
    [Fact]
    public void LoadJson_OriginalFormat_ReadsEverySnakeCaseField()
    {
        var definition = BuildDefinitionLoader.LoadJson("""
            {
              "name": "app",
              "project_path": "src",
              "steps": [
                { "name": "install_dependencies", "type": "python", "module": "pip", "args": ["install", "-r", "requirements.txt"] },
                { "name": "run_tests", "type": "command", "command": "pytest tests/ -v", "working_dir": "tests",
                  "env": { "CI": "1" }, "timeout": 90.5, "depends_on": ["install_dependencies"], "continue_on_error": true }
              ],
              "artifacts": ["dist/**/*.whl"],
              "analyze_dependencies": false
            }
            """);

        Assert.Equal("app", definition.Name);
        Assert.Equal("src", definition.ProjectPath);
        Assert.False(definition.AnalyzeDependencies);
        Assert.Equal(["dist/**/*.whl"], definition.Artifacts);
        var install = definition.Steps[0];
        Assert.Equal(("install_dependencies", "python", "pip"), (install.Name, install.Type, install.Module));
        Assert.Equal(["install", "-r", "requirements.txt"], install.Args);
        var tests = definition.Steps[1];
        Assert.Equal("pytest tests/ -v", tests.Command);
        Assert.Equal("tests", tests.WorkingDir);
        Assert.Equal("1", tests.Env!["CI"]);
        Assert.Equal(90.5, tests.Timeout);
        Assert.Equal(["install_dependencies"], tests.DependsOn);
        Assert.True(tests.ContinueOnError);
    }

    [Fact]
    public void LoadJson_WithoutAnalyzeDependencies_DefaultsToTrue()
    {
        Assert.True(BuildDefinitionLoader.LoadJson("""{ "steps": [] }""").AnalyzeDependencies);
    }

    [Fact]
    public void LoadYaml_PlainScalars_BecomeTheRightTypes()
    {
        var definition = BuildDefinitionLoader.LoadYaml("""
            name: app
            analyze_dependencies: false
            steps:
              - name: build
                type: command
                command: make
                args: [-j, 4, "3.10", 3.10]
                timeout: 30
                continue_on_error: true
                env:
                  DEBUG: 1
                  QUOTED: "yes"
              - name: test
                type: python
                module: pytest
                depends_on:
                  - build
            artifacts:
              - "**/*.log"
            """);

        Assert.Equal("app", definition.Name);
        Assert.False(definition.AnalyzeDependencies);
        var build = definition.Steps[0];
        Assert.Equal(["-j", "4", "3.10", "3.10"], build.Args);
        Assert.Equal(30, build.Timeout);
        Assert.True(build.ContinueOnError);
        Assert.Equal("1", build.Env!["DEBUG"]);
        Assert.Equal("yes", build.Env["QUOTED"]);
        Assert.Equal(["build"], definition.Steps[1].DependsOn);
        Assert.Equal(["**/*.log"], definition.Artifacts);
    }

    [Theory]
    [InlineData("{ \"steps\": [ ")]
    [InlineData("null")]
    [InlineData("{ \"steps\": 3 }")]
    public void LoadJson_Malformed_ThrowsFormatException(string json)
    {
        Assert.Throws<BuildDefinitionFormatException>(() => BuildDefinitionLoader.LoadJson(json));
    }

    [Fact]
    public void LoadYaml_Malformed_ThrowsFormatException()
    {
        var ex = Assert.Throws<BuildDefinitionFormatException>(() => BuildDefinitionLoader.LoadYaml("steps: [a, b\nname: x"));

        Assert.Contains("YAML", ex.Message, StringComparison.Ordinal);
    }
}
