using System.Security.Cryptography;

namespace Obs.Cli.Serve;

/// <summary>
/// The function key <c>obs serve</c> generates when none is configured: 32 random bytes, base64url,
/// stored next to the state database with owner-only permissions and printed once, when created.
/// </summary>
public static class ApiKeyFile
{
    public const string FileName = "api-key";

    /// <summary>The key in <paramref name="path"/>, created (owner read/write only) when missing; <paramref name="created"/> says which.</summary>
    public static string LoadOrCreate(string path, out bool created)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            created = false;
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        Hosting.StateDirectory.EnsureFor(path);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 0600, never briefly readable by others.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        created = true;
        return key;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
