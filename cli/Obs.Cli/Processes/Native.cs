using System.Runtime.InteropServices;

// Every native call obs makes itself is here; none may load a library from the working directory.
[assembly: DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]

namespace Obs.Cli.Processes;

/// <summary>
/// libc's process calls: <c>posix_spawnp(3)</c> and <c>waitpid(2)</c> to run a child that shares obs' stdio
/// (one clone+exec, none of the <see cref="System.Diagnostics.Process"/> class's set-up), and <c>kill(2)</c>
/// to forward a signal to it.
/// </summary>
internal static partial class Native
{
    public const int SigTerm = 15;

    public const int EIntr = 4;

    /// <summary>posix_spawn flags (the same values on glibc, musl and macOS).</summary>
    public const short SpawnSetSignalDefault = 0x04;
    public const short SpawnSetSignalMask = 0x08;

    /// <summary>Room for a <c>posix_spawnattr_t</c> (336 bytes on glibc x86-64) and a <c>sigset_t</c> (128), with margin.</summary>
    public const int SpawnAttributesSize = 1024;
    public const int SignalSetSize = 256;

    private const string Libc = "libc";

    [LibraryImport(Libc, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>Returns 0 or the error number (it does not set errno).</summary>
    [LibraryImport(Libc, EntryPoint = "posix_spawnp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PosixSpawnp(out int pid, string file, nint fileActions, nint attributes, nint[] argv, nint[] envp);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_init")]
    public static partial int SpawnAttributesInit(nint attributes);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int SpawnAttributesDestroy(nint attributes);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int SpawnAttributesSetFlags(nint attributes, short flags);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int SpawnAttributesSetSignalDefault(nint attributes, nint signals);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int SpawnAttributesSetSignalMask(nint attributes, nint signals);

    [LibraryImport(Libc, EntryPoint = "sigemptyset")]
    public static partial int SignalSetEmpty(nint signals);

    [LibraryImport(Libc, EntryPoint = "sigaddset")]
    public static partial int SignalSetAdd(nint signals, int signal);

    [LibraryImport(Libc, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);
}
