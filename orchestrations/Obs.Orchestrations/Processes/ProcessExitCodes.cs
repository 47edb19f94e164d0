namespace Obs.Orchestrations.Processes;

/// <summary>
/// The exit codes <see cref="ChildProcessRunner"/> reports when it, not the child, decided how the run
/// ended. They follow the shell and GNU <c>timeout</c>, so a step reads the same run by hand or by Obs.
/// </summary>
public static class ProcessExitCodes
{
    /// <summary>The timeout ran out and the process tree was killed (GNU <c>timeout</c>'s code).</summary>
    public const int TimedOut = 124;

    /// <summary>
    /// The executable was found but could not be started (not executable, not a program), or the
    /// working directory does not exist: the command was never invoked (the shell's code).
    /// </summary>
    public const int CannotExecute = 126;

    /// <summary>The executable does not exist (the shell's code).</summary>
    public const int CommandNotFound = 127;

    /// <summary>The caller cancelled and the process tree was killed (128 + SIGINT, as after Ctrl+C).</summary>
    public const int Cancelled = 130;
}
