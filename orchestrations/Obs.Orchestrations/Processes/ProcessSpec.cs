using System.Collections.ObjectModel;

namespace Obs.Orchestrations.Processes;

/// <summary>A child process for <see cref="ChildProcessRunner"/> to run: what to start and how to watch it.</summary>
/// <param name="FileName">The executable, a path or a name looked up on <c>PATH</c>.</param>
/// <param name="Arguments">Its arguments, each passed as one argument (no shell splitting or quoting).</param>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The directory the child starts in; null for the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Overrides on top of the inherited environment; a null value removes the variable. Setting
    /// <c>TRACEPARENT</c> or <c>TRACESTATE</c> here wins over the context of <see cref="System.Diagnostics.Activity.Current"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = ReadOnlyDictionary<string, string?>.Empty;

    /// <summary>How long the child may run before its whole process tree is killed; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many of the last lines of each stream the result keeps.</summary>
    public int TailLines { get; init; } = 40;

    /// <summary>
    /// Called with every line as it arrives, in order per stream, from a background thread (the two
    /// streams on different threads). An exception it throws kills the process tree and is rethrown by
    /// <see cref="ChildProcessRunner.RunAsync"/>.
    /// </summary>
    public Action<ProcessOutputLine>? OnOutput { get; init; }

    /// <summary>
    /// A command line for the platform shell: <c>sh -c commandLine</c>, or <c>cmd.exe /c commandLine</c>
    /// on Windows (where the line is quoted as one argument, so keep embedded quotes simple).
    /// </summary>
    public static ProcessSpec Shell(string commandLine)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandLine);
        return OperatingSystem.IsWindows()
            ? new ProcessSpec("cmd.exe", ["/c", commandLine])
            : new ProcessSpec("sh", ["-c", commandLine]);
    }
}
