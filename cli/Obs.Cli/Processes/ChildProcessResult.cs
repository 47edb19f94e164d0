namespace Obs.Cli.Processes;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">Its exit code, or 127/126 when it could not be started (the shell's convention).</param>
/// <param name="Pid">Its process id, when it started.</param>
/// <param name="StartError">Why it could not be started, or null.</param>
public sealed record ChildProcessResult(int ExitCode, int? Pid, string? StartError)
{
    public bool Started => StartError is null;
}
