using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Obs.Orchestrations.Local.Storage;

/// <summary>Turns SQLite's error codes into <see cref="OrchestrationStoreException"/>s a user can act on.</summary>
internal static class StoreErrors
{
    // https://www.sqlite.org/rescode.html (primary codes; extended codes keep them in the low byte).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static OrchestrationStoreException Translate(SqliteException exception, string path, TimeSpan busyTimeout) =>
        (exception.SqliteErrorCode & 0xFF) switch
        {
            NotADatabase => NotValid(path, "file is not a database", exception),
            Corrupt => NotValid(path, "database disk image is malformed", exception),
            Busy or Locked => new OrchestrationStoreException(
                path,
                $"The Obs state database {path} is locked by another process (waited {Seconds(busyTimeout)} s): " +
                "stop the other obs process or set another path.",
                exception),
            ReadOnly => new OrchestrationStoreException(
                path, $"The Obs state database {path} is read-only: check its permissions or set another path.", exception),
            Full => DiskFull(path, exception),
            // SQLite reports a write that ran out of space in the WAL or a journal as an I/O error.
            IoError when FreeBytes(path) == 0 => DiskFull(path, exception),
            IoError => new OrchestrationStoreException(
                path, $"The Obs state database {path} could not be read or written (disk I/O error): check the device, or set another path.", exception),
            CantOpen => new OrchestrationStoreException(
                path, $"The Obs state database {path} cannot be opened: check the path and its permissions.", exception),
            _ => new OrchestrationStoreException(
                path, $"The Obs state database {path} failed: {exception.Message}", exception),
        };

    private static OrchestrationStoreException DiskFull(string path, Exception exception) =>
        new(path, $"The disk holding the Obs state database {path} is full: free space or set another path.", exception);

    private static long? FreeBytes(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/").AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static OrchestrationStoreException NotValid(string path, string reason, Exception? inner = null) =>
        new(path, $"{path} is not a valid Obs state database ({reason}): move it away or set another path.", inner);

    public static OrchestrationStoreException TooNew(string path, int version, int known) =>
        new(path,
            $"The Obs state database {path} has schema version {version}, but this obs knows versions up to {known}: " +
            "upgrade obs, or move the file away or set another path.");

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
