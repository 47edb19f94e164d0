namespace Obs.Telemetry.Resources;

/// <summary>
/// The git checkout a process runs in, read from the <c>.git</c> files themselves (no <c>git</c>
/// process at start-up): the <c>origin</c> remote's URL without credentials, the branch, and the
/// commit HEAD points at. Worktrees (<c>.git</c> as a file) and packed refs are followed. Anything
/// unreadable is simply absent: a resource never fails a run.
/// </summary>
public sealed record GitCheckout(string? RepositoryUrl, string? Branch, string? Revision)
{
    private const string RefPrefix = "ref: ";
    private const string BranchPrefix = "refs/heads/";

    /// <summary>The checkout containing <paramref name="directory"/>, or null outside one.</summary>
    public static GitCheckout? Find(string directory)
    {
        try
        {
            for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                {
                    return Read(dotGit, dotGit);
                }

                if (File.Exists(dotGit) && GitDirOf(dotGit, dir.FullName) is { } gitDir)
                {
                    return Read(gitDir, CommonDirOf(gitDir));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary><paramref name="url"/> without a user or password (<c>https://token@host/x</c> → <c>https://host/x</c>).</summary>
    public static string? WithoutCredentials(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo) && uri.Scheme is "http" or "https")
        {
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
        }

        return url.Trim();
    }

    private static GitCheckout Read(string gitDir, string commonDir)
    {
        var head = ReadLine(Path.Combine(gitDir, "HEAD"));
        string? branch = null;
        string? revision = head;
        if (head is not null && head.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            var reference = head[RefPrefix.Length..].Trim();
            branch = reference.StartsWith(BranchPrefix, StringComparison.Ordinal) ? reference[BranchPrefix.Length..] : reference;
            revision = ReadLine(Path.Combine(commonDir, reference)) ?? PackedRef(commonDir, reference);
        }

        return new GitCheckout(WithoutCredentials(OriginUrl(commonDir)), branch, IsRevision(revision) ? revision : null);
    }

    private static string? GitDirOf(string dotGitFile, string worktree)
    {
        var line = ReadLine(dotGitFile);
        const string Prefix = "gitdir: ";
        return line is not null && line.StartsWith(Prefix, StringComparison.Ordinal)
            ? Path.GetFullPath(line[Prefix.Length..].Trim(), worktree)
            : null;
    }

    // A linked worktree's git dir names the repository's common dir (refs, config) in "commondir".
    private static string CommonDirOf(string gitDir) =>
        ReadLine(Path.Combine(gitDir, "commondir")) is { } common ? Path.GetFullPath(common, gitDir) : gitDir;

    private static string? PackedRef(string commonDir, string reference)
    {
        var packed = Path.Combine(commonDir, "packed-refs");
        if (!File.Exists(packed))
        {
            return null;
        }

        foreach (var line in File.ReadLines(packed))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).Trim().SequenceEqual(reference))
            {
                return line[..space];
            }
        }

        return null;
    }

    // The url of [remote "origin"] in the repository's config.
    private static string? OriginUrl(string commonDir)
    {
        var config = Path.Combine(commonDir, "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line.Replace(" ", string.Empty, StringComparison.Ordinal) == "[remote\"origin\"]";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inOrigin && equals > 0 && line[..equals].Trim() == "url")
            {
                return line[(equals + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? ReadLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;

    private static bool IsRevision(string? value) =>
        value is { Length: 40 or 64 } && value.All(char.IsAsciiHexDigitLower);
}
