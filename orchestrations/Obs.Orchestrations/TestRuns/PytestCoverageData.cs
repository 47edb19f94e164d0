using System.Globalization;
using System.Text;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Where the pytest files of one run leave their coverage data (one coverage.py data file per file,
/// in one folder per instance), for <see cref="CombinePytestCoverageActivity"/> to combine once, and
/// the coverage.py command that combines them.
/// </summary>
public static class PytestCoverageData
{
    /// <summary>The data folder of instance <paramref name="instanceId"/>.</summary>
    public static string Directory(string instanceId) =>
        Path.Combine(Path.GetTempPath(), "obs-coverage", Escape(instanceId));

    /// <summary>
    /// The data file <paramref name="target"/> writes: <c>.coverage.&lt;target, escaped&gt;</c>, a name
    /// <c>coverage combine</c> picks up. The escape is one-to-one and has no dot, so no two targets share
    /// a file and no target's name is another's prefix followed by the suffix pytest-cov appends.
    /// </summary>
    public static string FileOf(string instanceId, string target) =>
        Path.Combine(Directory(instanceId), ".coverage." + Escape(target));

    /// <summary>
    /// The coverage.py command of the interpreter pytest runs on: <c>python -m pytest</c> → <c>python -m coverage</c>;
    /// a <c>pytest</c> script → a <c>coverage</c> script beside it (a virtual environment), else
    /// <c>&lt;its shebang's interpreter&gt; -m coverage</c>, else <c>python3 -m coverage</c>.
    /// </summary>
    public static IReadOnlyList<string> CoverageCommand(IReadOnlyList<string> pytest)
    {
        ArgumentNullException.ThrowIfNull(pytest);
        var last = pytest.Count - 1;
        if (last >= 1 && pytest[last] == "pytest" && pytest[last - 1] == "-m")
        {
            return [.. pytest.Take(last), "coverage"];
        }

        if (last >= 0 && (Path.GetFileName(pytest[last]) is "py.test" || Path.GetFileNameWithoutExtension(pytest[last]) == "pytest"))
        {
            var script = pytest[last];
            var extension = Path.GetFileNameWithoutExtension(script) == "pytest" ? Path.GetExtension(script) : string.Empty;
            var beside = Path.Combine(Path.GetDirectoryName(script) ?? string.Empty, "coverage" + extension);
            if (Path.IsPathRooted(beside) && File.Exists(beside))
            {
                return [.. pytest.Take(last), beside];
            }

            if (ShebangInterpreter(script) is { } interpreter)
            {
                return [.. interpreter, "-m", "coverage"];
            }
        }

        return ["python3", "-m", "coverage"];
    }

    /// <summary>The interpreter of a script's <c>#!</c> line (through <c>env</c>), or null.</summary>
    private static string[]? ShebangInterpreter(string script)
    {
        string? line;
        try
        {
            if (!Path.IsPathRooted(script) || !File.Exists(script))
            {
                return null;
            }

            using var reader = new StreamReader(script);
            line = reader.ReadLine();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (line is null || !line.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var words = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && Path.GetFileName(words[0]) == "env")
        {
            words = [.. words.Skip(1).SkipWhile(w => w.StartsWith('-'))];
        }

        return words.Length > 0 ? words : null;
    }

    /// <summary>Letters, digits and <c>-</c> kept, every other character as <c>_</c> and its UTF-16 code in hex.</summary>
    private static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('_').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
