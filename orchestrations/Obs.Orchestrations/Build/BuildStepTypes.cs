namespace Obs.Orchestrations.Build;

/// <summary>The values of a step's <c>type</c>.</summary>
public static class BuildStepTypes
{
    public const string Python = "python";
    public const string Command = "command";

    /// <summary>The interpreter a python step runs when it names none.</summary>
    public const string DefaultPython = "python3";
}
