namespace Obs.Orchestrations.Processes;

/// <summary>The output streams of a child process.</summary>
public enum ProcessStream
{
    StandardOutput,
    StandardError,
}
