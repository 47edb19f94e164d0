using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>Small step and definition builders for tests.</summary>
internal static class BuildSteps
{
    public static BuildStepDefinition Command(string name, string command, params string[] dependsOn) => new()
    {
        Name = name,
        Type = BuildStepTypes.Command,
        Command = command,
        DependsOn = dependsOn.Length == 0 ? null : dependsOn,
    };

    public static BuildDefinition Definition(params BuildStepDefinition[] steps) => new()
    {
        Name = "test-build",
        Steps = steps,
        AnalyzeDependencies = false,
    };
}
