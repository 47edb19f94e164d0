using Obs.Orchestrations.Build;
using static Obs.Orchestrations.Tests.Build.BuildSteps;

namespace Obs.Orchestrations.Tests.Build;

public sealed class BuildDefinitionValidatorTests
{
    [Fact]
    public void Validate_ValidDag_HasNoProblems()
    {
        var definition = Definition(Command("a", "true"), Command("b", "true", "a"), Command("c", "true", "a", "b"));

        Assert.Empty(BuildDefinitionValidator.Validate(definition));
    }

    [Fact]
    public void Validate_EveryKindOfProblem_ListsEachOne()
    {
        var definition = Definition(
            new BuildStepDefinition { Name = "", Type = "command", Command = "true" },
            new BuildStepDefinition { Name = "dup", Type = "command", Command = "true" },
            new BuildStepDefinition { Name = "dup", Type = "command", Command = "true" },
            new BuildStepDefinition { Name = "weird", Type = "make" },
            new BuildStepDefinition { Name = "py", Type = "python" },
            new BuildStepDefinition { Name = "cmd", Type = "command", Timeout = -1 },
            Command("orphan", "true", "ghost"));

        var problems = BuildDefinitionValidator.Validate(definition);

        Assert.Contains(problems, p => p.Contains("Step #1 has no name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'dup'", StringComparison.Ordinal) && p.Contains("more than one", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'weird' has type 'make'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'py' is a python step without a module", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'cmd' is a command step without a command", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'cmd' has a negative timeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'orphan' depends on 'ghost'", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void Validate_Cycle_NamesTheStepsAlongIt()
    {
        var definition = Definition(Command("a", "true", "c"), Command("b", "true", "a"), Command("c", "true", "b"), Command("d", "true", "a"));

        var problem = Assert.Single(BuildDefinitionValidator.Validate(definition));

        Assert.Contains("cycle: a -> c -> b -> a", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfDependency_IsReportedOnce()
    {
        var problem = Assert.Single(BuildDefinitionValidator.Validate(Definition(Command("a", "true", "a"))));

        Assert.Contains("'a' depends on itself", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSteps_SaysSo()
    {
        Assert.Equal(["The build has no steps."], BuildDefinitionValidator.Validate(Definition()));
    }
}
