using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Obs.Cli.Processes;

/// <summary>
/// Runs a command that shares <c>obs</c>' own stdin, stdout and stderr, so its output reaches the
/// terminal or pipe byte for byte (and a terminal stays a terminal for it). SIGINT and SIGTERM
/// sent to <c>obs</c> do not kill <c>obs</c> first: the child gets them and <c>obs</c> reports how it ended.
/// </summary>
public static class InheritedChildProcess
{
    private const int EnoEnt = 2;
    private const int EAcces = 13;
    private const int NotExecutableExitCode = 126;

    /// <summary>Starts <paramref name="command"/> with <paramref name="environment"/> overrides and waits for it.</summary>
    public static async Task<ChildProcessResult> RunAsync(
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

        var startInfo = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var code = ex.NativeErrorCode == EAcces ? NotExecutableExitCode : ExitCodes.CommandNotFound;
            var reason = ex.NativeErrorCode == EnoEnt ? "command not found" : ex.Message;
            return new ChildProcessResult(code, null, $"{command[0]}: {reason}");
        }

        started?.Invoke(process.Id);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Forward(process, PosixSignal.SIGTERM);
        });

        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ChildProcessResult(process.ExitCode, process.Id, null);
    }

    private static void Forward(Process process, PosixSignal signal)
    {
        if (!OperatingSystem.IsWindows() && !process.HasExited)
        {
            _ = Native.Kill(process.Id, signal == PosixSignal.SIGTERM ? Native.SigTerm : Native.SigInt);
        }
    }
}
