using System.Text;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The process a step runs: a python step runs <c>&lt;python&gt; -m &lt;module&gt; &lt;args&gt;</c>
/// (interpreter from the step's <c>python</c>, default <c>python3</c>); a command step runs its
/// command line in the shell with <c>args</c> appended, each shell-quoted.
/// </summary>
public static class BuildStepCommand
{
    /// <summary>The process spec of <paramref name="step"/>, run in <paramref name="projectDirectory"/> (or its <c>working_dir</c> below it).</summary>
    public static ProcessSpec ToProcessSpec(BuildStepDefinition step, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        var spec = step.Type == BuildStepTypes.Python
            ? new ProcessSpec(step.Python ?? BuildStepTypes.DefaultPython, ["-m", step.Module ?? string.Empty, .. step.Args ?? []])
            : ProcessSpec.Shell(CommandLine(step));
        return spec with
        {
            WorkingDirectory = string.IsNullOrEmpty(step.WorkingDir) ? projectDirectory : Path.GetFullPath(step.WorkingDir, projectDirectory),
            Environment = step.Env ?? spec.Environment,
            Timeout = step.Timeout is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null,
        };
    }

    /// <summary>The shell command line of a command step: <c>command</c> plus the quoted <c>args</c>.</summary>
    public static string CommandLine(BuildStepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var line = new StringBuilder(step.Command ?? string.Empty);
        foreach (var arg in step.Args ?? [])
        {
            line.Append(' ').Append(ShellQuote(arg));
        }

        return line.ToString();
    }

    /// <summary>What <c>build.step.command</c> records, as the original design did: <c>pip install -r requirements.txt</c> for a python step.</summary>
    public static string Display(BuildStepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Type == BuildStepTypes.Python
            ? string.Join(' ', [step.Module ?? string.Empty, .. (step.Args ?? []).Select(ShellQuote)])
            : CommandLine(step);
    }

    /// <summary>
    /// <paramref name="argument"/> as one word for the shell that <see cref="ProcessSpec.Shell"/> runs:
    /// POSIX single quotes, or double quotes for <c>cmd.exe</c> on Windows. Safe words stay as they are.
    /// </summary>
    public static string ShellQuote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsSafe))
        {
            return argument;
        }

        return OperatingSystem.IsWindows()
            ? "\"" + argument.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal);
}
