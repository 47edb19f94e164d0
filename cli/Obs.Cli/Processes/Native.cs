using System.Runtime.InteropServices;

namespace Obs.Cli.Processes;

/// <summary>libc's <c>kill(2)</c>, to forward a signal to a child (Process.Kill only sends SIGKILL).</summary>
internal static partial class Native
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);
}
