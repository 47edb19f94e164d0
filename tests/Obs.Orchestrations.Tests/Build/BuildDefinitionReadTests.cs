using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>
/// Reading what users write: every unknown key, wrong type and semantic problem at once, each at its
/// path, never a serializer message that hides the rest.
/// </summary>
public sealed class BuildDefinitionReadTests
{
    [Fact]
    public void ReadYaml_MisspeltKey_IsAProblemThatSuggestsTheKey()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            steps:
              - name: slow
                type: command
                command: sleep 100
                timout: 5
            """);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal("steps[0].timout", problem.Path);
        Assert.Equal("unknown key; did you mean 'timeout'?", problem.Message);
        Assert.False(reading.IsValid);
    }

    [Fact]
    public void ReadYaml_UnknownKeyFarFromAnyOther_ListsTheKeysAccepted()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            colour: blue
            steps: [{name: a, type: command, command: "true"}]
            """);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal("colour", problem.Path);
        Assert.Equal("unknown key; expected one of: name, project_path, steps, artifacts, artifacts_upload, analyze_dependencies.", problem.Message);
    }

    [Fact]
    public void ReadYaml_WrongTypes_AreListedBesideUnknownKeysAndSemanticProblems_EachOnce()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            analyze_dependencies: yes
            artifacts: dist/*
            steps:
              - name: a
                type: command
                command: "true"
                timeout: soon
                depends_on: [ghost]
                env: {A: [1]}
              - name: b
                type: rocket
                continue_on_error: 2
            artifacts_upload: {container: builds, connection_string_env: X, prefx: p}
            """);

        Assert.Equal(
            [
                "analyze_dependencies: expected true or false, got 'yes'.",
                "artifacts: expected a list of strings, got 'dist/*'.",
                "steps[0].timeout: expected a number of seconds, got 'soon'.",
                "steps[0].env.A: expected a string or null, got a list.",
                "steps[1].continue_on_error: expected true or false, got 2.",
                "artifacts_upload.prefx: unknown key; did you mean 'prefix'?",
                "steps[1].type: Step 'b' has type 'rocket'; expected 'python' or 'command'.",
                "steps[0].depends_on: Step 'a' depends on 'ghost', which is not a step.",
            ],
            reading.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadYaml_StepsNotAList_IsOneProblemNotAlsoNoSteps()
    {
        var reading = BuildDefinitionLoader.ReadYaml("steps: 3");

        Assert.Equal(["steps: expected a list of steps, got 3."], reading.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadJson_StepNotAMapping_IsReportedOnceAndTheOthersKeepTheirNumbers()
    {
        var reading = BuildDefinitionLoader.ReadJson("""{"steps": [7, {"name": "b", "type": "command"}]}""");

        Assert.Equal(
            [
                "steps[0]: expected a mapping of name, type, module, args, command, python, working_dir, env, timeout, depends_on, continue_on_error, got 7.",
                "steps[1].command: Step 'b' is a command step without a command.",
            ],
            reading.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadYaml_PlainNumbersWhereStringsGo_AreTheirText()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            steps:
              - name: 2024
                type: command
                command: make
                args: [-j, 4, 3.10]
                env: {DEBUG: 1, OFF: false}
            """);

        Assert.Empty(reading.Problems);
        var step = Assert.Single(reading.Definition!.Steps);
        Assert.Equal("2024", step.Name);
        Assert.Equal(["-j", "4", "3.10"], step.Args);
        Assert.Equal("false", step.Env!["OFF"]);
    }

    [Fact]
    public void ReadJson_NumbersWhereStringsGo_AreProblemsButTheStepKeepsItsName()
    {
        var reading = BuildDefinitionLoader.ReadJson("""{"steps": [{"name": 1, "type": "command", "command": "true", "args": ["-j", 4, null]}]}""");

        Assert.Equal(
            ["steps[0].name: expected a string, got 1.", "steps[0].args[1]: expected a string, got 4.", "steps[0].args[2]: expected a string, got null."],
            reading.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadYaml_NullValues_AreAsIfAbsent()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            name:
            steps:
              - name: a
                type: command
                command: "true"
                timeout: ~
                env: {DROP: null}
            """);

        Assert.True(reading.IsValid);
        Assert.Null(reading.Definition!.Steps[0].Timeout);
        Assert.Null(reading.Definition.Steps[0].Env!["DROP"]);
    }

    [Fact]
    public void ReadYaml_ValidDefinition_ReadsLikeLoadYaml()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            name: app
            analyze_dependencies: false
            steps:
              - {name: compile, type: python, module: compileall, args: ["-q", "."], timeout: 30.5}
              - {name: test, type: command, command: pytest, depends_on: [compile], continue_on_error: true}
            artifacts: ["**/*.log"]
            """);

        Assert.True(reading.IsValid);
        Assert.False(reading.Definition!.AnalyzeDependencies);
        Assert.Equal(30.5, reading.Definition.Steps[0].Timeout);
        Assert.True(reading.Definition.Steps[1].ContinueOnError);
    }

    [Theory]
    [InlineData("", "The build definition is empty.")]
    [InlineData("- a\n- b", "expected a mapping of name, project_path, steps, artifacts, artifacts_upload, analyze_dependencies, got a list.")]
    [InlineData("steps: [a, b\nname: x", "Not valid YAML")]
    public void ReadYaml_NotADefinitionAtAll_IsOneProblemAtTheRoot(string yaml, string expected)
    {
        var reading = BuildDefinitionLoader.ReadYaml(yaml);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(BuildDefinitionProblem.Root, problem.Path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Null(reading.Definition);
    }

    [Fact]
    public void ReadYaml_KeyGivenTwice_IsAProblemAtItsPath()
    {
        var reading = BuildDefinitionLoader.ReadYaml("""
            steps:
              - name: a
                name: b
            """);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal("steps[0].name", problem.Path);
    }

    [Fact]
    public void ReadJson_CommentsAndTrailingCommas_AreAccepted()
    {
        var reading = BuildDefinitionLoader.ReadJson("""
            {
              // a comment
              "steps": [{"name": "a", "type": "command", "command": "true",},],
            }
            """);

        Assert.True(reading.IsValid, string.Join("; ", reading.Problems));
    }

    [Fact]
    public void ReadJson_Malformed_IsOneProblemAtTheRoot()
    {
        var problem = Assert.Single(BuildDefinitionLoader.ReadJson("{ \"steps\": [ ").Problems);

        Assert.Equal(BuildDefinitionProblem.Root, problem.Path);
        Assert.StartsWith("Not valid JSON", problem.Message, StringComparison.Ordinal);
    }
}
