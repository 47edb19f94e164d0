using System.Text.RegularExpressions;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Finding tests and the command that runs them, from the filesystem alone (no process is started):
/// pytest files, .NET test projects (and the candidates only MSBuild can decide), and the pytest command line.
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

    /// <summary>The build files MSBuild imports from a project's directory or above, where a test SDK may come from.</summary>
    private static readonly string[] s_inheritedBuildFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    /// <summary>pytest's default test files, <c>test_*.py</c> and <c>*_test.py</c>, under <paramref name="root"/>, sorted.</summary>
    /// <remarks>Any directory holding a <c>pyvenv.cfg</c> is a virtual environment, whatever its name, and is skipped.</remarks>
    public static IReadOnlyList<string> FindPytestFiles(string root) =>
        Files(root, "*.py", file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test", StringComparison.Ordinal);
        });

    /// <summary>
    /// Project files (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>) under <paramref name="root"/> that are test
    /// projects by their own text, sorted: they reference <c>Microsoft.NET.Test.Sdk</c> (VSTest), set
    /// <c>&lt;IsTestProject&gt;true&lt;/IsTestProject&gt;</c>, or are Microsoft.Testing.Platform test applications
    /// (<c>MSTest.Sdk</c>, an <c>xunit.v3</c> or <c>TUnit</c> reference, <c>EnableMSTestRunner</c> and the like).
    /// </summary>
    /// <remarks>Projects that may get the test SDK from a build file above them are in <see cref="ScanDotnetProjects"/>' candidates.</remarks>
    public static IReadOnlyList<string> FindDotnetTestProjects(string root) => ScanDotnetProjects(root).TestProjects;

    /// <summary>The candidates of <see cref="ScanDotnetProjects"/>.</summary>
    public static IReadOnlyList<string> FindInheritedTestProjectCandidates(string root) => ScanDotnetProjects(root).Candidates;

    /// <summary>
    /// One walk over the project files under <paramref name="root"/>: the test projects by their own text, and
    /// the candidates — other projects with a <c>Directory.Build.props</c>, <c>Directory.Build.targets</c> or
    /// <c>Directory.Packages.props</c> above them that mentions the test SDK or <c>IsTestProject</c>. Whether a
    /// candidate is a test project depends on MSBuild conditions; <see cref="DotnetTestProjectProbe"/> decides.
    /// </summary>
    public static DotnetProjectScan ScanDotnetProjects(string root)
    {
        var tests = new List<string>();
        var candidates = new List<string>();
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var project in DotnetProjects(root))
        {
            if (MentionsTestSdk(SafeRead(project), IsTestProjectTrue()))
            {
                tests.Add(project);
            }
            else if (InheritsTestSettings(Path.GetDirectoryName(project), verdicts))
            {
                candidates.Add(project);
            }
        }

        return new DotnetProjectScan(tests, candidates);
    }

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

    private static List<string> DotnetProjects(string root) =>
        Files(root, "*.*proj", file => Path.GetExtension(file) is ".csproj" or ".fsproj" or ".vbproj");

    /// <summary>
    /// Whether <paramref name="text"/> makes a project a test project: VSTest's SDK, <c>IsTestProject</c>, the MSTest
    /// SDK or meta-package, or a Microsoft.Testing.Platform test framework (xunit v3, TUnit, a runner switch).
    /// </summary>
    private static bool MentionsTestSdk(string text, Regex isTestProject) =>
        text.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || text.Contains("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)
        || isTestProject.IsMatch(text)
        || TestFrameworkReference().IsMatch(text);

    /// <summary>Whether a build file in <paramref name="directory"/> or above it mentions the test SDK or IsTestProject (memoised per directory).</summary>
    private static bool InheritsTestSettings(string? directory, Dictionary<string, bool> verdicts)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return false;
        }

        if (!verdicts.TryGetValue(directory, out var verdict))
        {
            verdict = s_inheritedBuildFiles.Select(name => Path.Combine(directory, name)).Any(file =>
                    File.Exists(file) && MentionsTestSdk(SafeRead(file), IsTestProjectAny()))
                || InheritsTestSettings(Path.GetDirectoryName(directory), verdicts);
            verdicts[directory] = verdict;
        }

        return verdict;
    }

    private static string SafeRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return string.Empty;
        }
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

    /// <summary>
    /// A test framework that needs no <c>Microsoft.NET.Test.Sdk</c> in the project's own text: the MSTest meta-package
    /// (it brings the SDK, or the platform runner), an xunit v3 or TUnit package (not xunit v3's VSTest-only
    /// <c>mtp-off</c> flavour, nor the assertion or extensibility libraries alone), the platform itself, or a
    /// property that turns a framework's platform runner on.
    /// </summary>
    [GeneratedRegex(
        @"Include\s*=\s*""(?:MSTest|xunit\.v3(?:\.core)?(?:\.mtp-v[12])?|TUnit(?:\.Engine)?|Microsoft\.Testing\.Platform(?:\.MSBuild)?)"""
        + @"|<(?:IsTestingPlatformApplication|EnableMSTestRunner|EnableNUnitRunner|UseMicrosoftTestingPlatformRunner)>\s*true\s*<",
        RegexOptions.IgnoreCase)]
    private static partial Regex TestFrameworkReference();

    [GeneratedRegex(@"<IsTestProject>\s*true\s*</IsTestProject>", RegexOptions.IgnoreCase)]
    private static partial Regex IsTestProjectTrue();

    /// <summary>Any <c>IsTestProject</c> in a shared build file, e.g. one set under a condition on the project's name.</summary>
    [GeneratedRegex(@"<IsTestProject\b", RegexOptions.IgnoreCase)]
    private static partial Regex IsTestProjectAny();
}
