using System.Globalization;
using System.Text;

namespace Obs.Telemetry.Spool;

/// <summary>
/// The spool: spans an exporter could not deliver, as OTLP JSON Lines files in a private directory
/// (0700, files 0600), one file per exporter and process — <c>otlp-20261207T101500123-4242.jsonl</c> —
/// so concurrent <c>obs</c> processes never share a file. Bounded: past <see cref="SpoolOptions.MaxBytes"/>
/// the oldest files are dropped first and their spans counted.
/// </summary>
public sealed class SpanSpool
{
    public const string Extension = ".jsonl";
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public SpanSpool(string directory, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        MaxBytes = maxBytes;
    }

    public string Directory { get; }

    public long MaxBytes { get; }

    /// <summary>The exporter a spool file belongs to: the part of its name before the first dash.</summary>
    public static string ExporterOf(string path) => Path.GetFileName(path).Split('-')[0];

    /// <summary>The spool files, oldest first.</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.EnumerateFiles(directory, "*" + Extension).OrderBy(File.GetLastWriteTimeUtc).ThenBy(p => p, StringComparer.Ordinal)]
            : [];

    /// <summary>Creates the directory private to the user (0700), or makes an existing one so.</summary>
    public static void EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
            return;
        }

        System.IO.Directory.CreateDirectory(directory, DirectoryMode);
        File.SetUnixFileMode(directory, DirectoryMode);
    }

    /// <summary>Writes <paramref name="lines"/> (each one TracesData) as the whole content of <paramref name="path"/>, 0600.</summary>
    public static void WriteFile(string path, IEnumerable<string> lines, bool append)
    {
        var options = new FileStreamOptions
        {
            Mode = append ? System.IO.FileMode.Append : System.IO.FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.Read,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Appends one TracesData line of <paramref name="spans"/> spans for <paramref name="exporter"/>.
    /// Returns how many spans of earlier files were dropped to make room, or -1 when the line itself did not fit
    /// or could not be written (its spans are then lost, and the caller counts them).
    /// </summary>
    public long Append(string exporter, string line, int spans)
    {
        ArgumentException.ThrowIfNullOrEmpty(exporter);
        ArgumentNullException.ThrowIfNull(line);
        var size = Encoding.UTF8.GetByteCount(line) + 1;
        if (size > MaxBytes)
        {
            return -1;
        }

        lock (_gate)
        {
            try
            {
                EnsureDirectory(Directory);
                var dropped = MakeRoom(size);
                if (!_files.TryGetValue(exporter, out var path))
                {
                    path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{exporter}-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}{Extension}"));
                    _files[exporter] = path;
                }

                WriteFile(path, [line], append: true);
                return dropped;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return -1;
            }
        }
    }

    private long MakeRoom(int size)
    {
        var files = Files(Directory);
        var total = files.Sum(f => new FileInfo(f).Length);
        long dropped = 0;
        foreach (var oldest in files)
        {
            if (total + size <= MaxBytes)
            {
                break;
            }

            var length = new FileInfo(oldest).Length;
            dropped += SpansIn(oldest);
            File.Delete(oldest);
            total -= length;
        }

        return dropped;
    }

    /// <summary>The spans held in one spool file (lines that do not parse count as none).</summary>
    public static long SpansIn(string path)
    {
        long spans = 0;
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                spans += OtlpProtobufEncoder.CountSpans(line);
            }
            catch (System.Text.Json.JsonException)
            {
                // A torn last line (a process killed mid-write) holds nothing replayable.
            }
        }

        return spans;
    }
}
