namespace Obs.Orchestrations.Processes;

/// <summary>How a child process ended, with the last lines it wrote.</summary>
/// <param name="ExitCode">
/// Its exit code; when the runner ended it or could not start it, the shell's code for why
/// (<see cref="ProcessExitCodes"/>): 124 timed out, 130 cancelled, 127 not found, 126 not startable.
/// </param>
/// <param name="Pid">Its process id, when it started.</param>
/// <param name="StartedAt">Wall-clock time it was started (or the start was attempted).</param>
/// <param name="Duration">How long it ran, measured with a monotonic clock.</param>
/// <param name="TimedOut">Its process tree was killed when <see cref="ProcessSpec.Timeout"/> ran out.</param>
/// <param name="Cancelled">Its process tree was killed because the caller cancelled.</param>
/// <param name="StartError">Why it could not be started (e.g. "make: command not found"), or null.</param>
/// <param name="StdoutTail">The last <see cref="ProcessSpec.TailLines"/> lines of standard output.</param>
/// <param name="StderrTail">The last <see cref="ProcessSpec.TailLines"/> lines of standard error.</param>
public sealed record ProcessResult(
    int ExitCode,
    int? Pid,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    bool TimedOut,
    bool Cancelled,
    string? StartError,
    IReadOnlyList<string> StdoutTail,
    IReadOnlyList<string> StderrTail)
{
    /// <summary>It started, ran to its end by itself and exited 0.</summary>
    public bool Succeeded => StartError is null && !TimedOut && !Cancelled && ExitCode == 0;
}
