using System.Collections;
using System.Runtime.InteropServices;

namespace Obs.Cli.Processes;

/// <summary>
/// Runs a command that shares <c>obs</c>' own stdin, stdout and stderr, so its output reaches the
/// terminal or pipe byte for byte (and a terminal stays a terminal for it). SIGINT and SIGTERM
/// sent to <c>obs</c> do not kill <c>obs</c> first: the child gets them and <c>obs</c> reports how it ended.
/// </summary>
/// <remarks>
/// The child is started with <c>posix_spawnp</c> and waited for with <c>waitpid</c>: one clone and exec,
/// found on <c>PATH</c> as a shell finds it, with SIGPIPE back at its default (the runtime ignores it) and
/// an empty signal mask. <see cref="System.Diagnostics.Process"/> left SIGPIPE ignored in the child, looked
/// in obs' own directory and the working directory before <c>PATH</c>, and cost ~1.5 ms more wall time per
/// <c>obs run</c> (docs/PERFORMANCE.md).
/// </remarks>
public static class InheritedChildProcess
{
    private const int EnoEnt = 2;
    private const int EAcces = 13;
    private const int SigPipe = 13;
    private const int NotExecutableExitCode = 126;
    private const int SignalledExitCodeBase = 128;

    /// <summary>Starts <paramref name="command"/> with <paramref name="environment"/> overrides (null removes a variable) and waits for it.</summary>
    public static Task<ChildProcessResult> RunAsync(
        IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string?> environment,
        Action<int>? started = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        if (command.Count == 0)
        {
            throw new ArgumentException("A command is required.", nameof(command));
        }

        // Registered before the spawn, so a SIGTERM that arrives while the child starts is not lost.
        var child = new ChildSignals();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            child.Terminate();
        });

        var error = Spawn(command, environment, out var pid);
        if (error != 0)
        {
            var code = error == EAcces ? NotExecutableExitCode : ExitCodes.CommandNotFound;
            var reason = error == EnoEnt ? "command not found" : Marshal.GetPInvokeErrorMessage(error);
            return Task.FromResult(new ChildProcessResult(code, null, $"{command[0]}: {reason}"));
        }

        child.Started(pid);
        started?.Invoke(pid);
        return Task.FromResult(new ChildProcessResult(WaitForExit(pid), pid, null));
    }

    private static int Spawn(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, out int pid)
    {
        var strings = new List<nint>();
        var attributes = Marshal.AllocHGlobal(Native.SpawnAttributesSize);
        var signals = Marshal.AllocHGlobal(Native.SignalSetSize);
        try
        {
            var argv = NullTerminated(command, strings);
            var envp = NullTerminated(Environment(environment), strings);
            Check(Native.SpawnAttributesInit(attributes));
            try
            {
                Check(Native.SignalSetEmpty(signals));
                Check(Native.SpawnAttributesSetSignalMask(attributes, signals));
                Check(Native.SignalSetAdd(signals, SigPipe));
                Check(Native.SpawnAttributesSetSignalDefault(attributes, signals));
                Check(Native.SpawnAttributesSetFlags(attributes, Native.SpawnSetSignalDefault | Native.SpawnSetSignalMask));
                return Native.PosixSpawnp(out pid, command[0], 0, attributes, argv, envp);
            }
            finally
            {
                _ = Native.SpawnAttributesDestroy(attributes);
            }
        }
        finally
        {
            strings.ForEach(Marshal.FreeCoTaskMem);
            Marshal.FreeHGlobal(signals);
            Marshal.FreeHGlobal(attributes);
        }
    }

    /// <summary>obs' environment (as the runtime holds it) with the overrides applied, as <c>NAME=value</c> entries.</summary>
    private static IEnumerable<string> Environment(IReadOnlyDictionary<string, string?> overrides)
    {
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!overrides.ContainsKey(name))
            {
                yield return $"{name}={entry.Value}";
            }
        }

        foreach (var (name, value) in overrides)
        {
            if (value is not null)
            {
                yield return $"{name}={value}";
            }
        }
    }

    private static nint[] NullTerminated(IEnumerable<string> values, List<nint> allocated)
    {
        var start = allocated.Count;
        foreach (var value in values)
        {
            allocated.Add(Marshal.StringToCoTaskMemUTF8(value));
        }

        return [.. allocated.Skip(start), 0];
    }

    /// <summary>The child's exit code, or 128 + the signal that ended it (the shell's convention).</summary>
    private static int WaitForExit(int pid)
    {
        int status;
        while (Native.WaitPid(pid, out status, 0) < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != Native.EIntr)
            {
                throw new InvalidOperationException($"waiting for process {pid}: {Marshal.GetPInvokeErrorMessage(error)}");
            }
        }

        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : SignalledExitCodeBase + signal;
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"posix_spawn attributes: {Marshal.GetPInvokeErrorMessage(result)}");
        }
    }
}
