namespace Obs.Cli.Hosting;

/// <summary>
/// The CLI's state directory, <c>.obs/</c> (state database, generated API key, startup logs). Created
/// with a <c>.gitignore</c> holding <c>*</c>, as pytest does for its cache, so it never lands in a commit.
/// </summary>
public static class StateDirectory
{
    public const string Name = ".obs";
    public const string GitIgnore = ".gitignore";

    /// <summary>Creates the directory of <paramref name="path"/> when it is missing; an <c>.obs</c> one gets its <c>.gitignore</c>.</summary>
    public static void EnsureFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        if (string.Equals(Path.GetFileName(directory), Name, StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(directory, GitIgnore), "# Created by obs: its state is local to this checkout.\n*\n");
        }
    }
}
