using System.Text.RegularExpressions;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Finding tests and the command that runs them, from the filesystem alone (no process is started):
/// pytest files, .NET test projects, and the pytest command line.
/// </summary>
public static partial class TestFramework
{
    /// <summary>The <c>test.framework</c> value for pytest.</summary>
    public const string Pytest = "pytest";

    /// <summary>The <c>test.framework</c> value for <c>dotnet test</c>.</summary>
    public const string Dotnet = "dotnet";

    /// <summary>Directories never searched: VCS metadata, virtual environments, caches, build output.</summary>
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", "venv", ".venv", ".tox", ".nox",
        ".pytest_cache", ".mypy_cache", "site-packages", "bin", "obj",
    };

    /// <summary>pytest's default test files, <c>test_*.py</c> and <c>*_test.py</c>, under <paramref name="root"/>, sorted.</summary>
    /// <remarks>Any directory holding a <c>pyvenv.cfg</c> is a virtual environment, whatever its name, and is skipped.</remarks>
    public static IReadOnlyList<string> FindPytestFiles(string root) =>
        Files(root, "*.py", file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test", StringComparison.Ordinal);
        });

    /// <summary>
    /// Project files (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>) under <paramref name="root"/> that reference
    /// <c>Microsoft.NET.Test.Sdk</c> or set <c>&lt;IsTestProject&gt;true&lt;/IsTestProject&gt;</c>, sorted.
    /// </summary>
    /// <remarks>Projects that only get the test SDK from a <c>Directory.Build.props</c> are not recognised.</remarks>
    public static IReadOnlyList<string> FindDotnetTestProjects(string root) =>
        Files(root, "*.*proj", file =>
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".csproj" or ".fsproj" or ".vbproj"))
            {
                return false;
            }

            var text = File.ReadAllText(file);
            return text.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) || IsTestProjectTrue().IsMatch(text);
        });

    /// <summary>
    /// The command that runs pytest: the <c>pytest</c> executable when one is on <paramref name="pathVariable"/>,
    /// else <c>python3 -m pytest</c>.
    /// </summary>
    /// <param name="pathVariable">A <c>PATH</c>-style list; the process's <c>PATH</c> when <see langword="null"/>.</param>
    public static string[] ResolvePytestCommand(string? pathVariable = null) =>
        FindOnPath("pytest", pathVariable ?? Environment.GetEnvironmentVariable("PATH")) is { } pytest
            ? [pytest]
            : ["python3", "-m", "pytest"];

    /// <summary>The full path of executable <paramref name="name"/> in the first <c>PATH</c> directory that has it.</summary>
    public static string? FindOnPath(string name, string? pathVariable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (string.IsNullOrEmpty(pathVariable))
        {
            return null;
        }

        string[] candidates = OperatingSystem.IsWindows() ? [name + ".exe", name + ".cmd", name + ".bat", name] : [name];
        foreach (var directory in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var candidate in candidates)
            {
                var full = Path.Combine(directory, candidate);
                if (IsExecutable(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    private static List<string> Files(string root, string pattern, Func<string, bool> accept)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var found = new List<string>();
        if (!Directory.Exists(root))
        {
            return found;
        }

        var pending = new Stack<string>([Path.GetFullPath(root)]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            found.AddRange(SafeEnumerate(() => Directory.EnumerateFiles(directory, pattern)).Where(accept));
            foreach (var child in SafeEnumerate(() => Directory.EnumerateDirectories(directory)))
            {
                if (!s_skippedDirectories.Contains(Path.GetFileName(child)) && !File.Exists(Path.Combine(child, "pyvenv.cfg")))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>An unreadable directory is skipped, not fatal: discovery is best effort.</summary>
    private static List<string> SafeEnumerate(Func<IEnumerable<string>> enumerate)
    {
        try
        {
            return [.. enumerate()];
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"<IsTestProject>\s*true\s*</IsTestProject>", RegexOptions.IgnoreCase)]
    private static partial Regex IsTestProjectTrue();
}
