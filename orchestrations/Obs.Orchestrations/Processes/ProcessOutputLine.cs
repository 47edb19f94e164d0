namespace Obs.Orchestrations.Processes;

/// <summary>One line a child process wrote, without its line terminator.</summary>
/// <param name="Stream">The stream it was written to.</param>
/// <param name="Text">The line; one longer than <see cref="ChildProcessRunner.MaxLineLength"/> is cut there and ends with "…".</param>
public readonly record struct ProcessOutputLine(ProcessStream Stream, string Text);
