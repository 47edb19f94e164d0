namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Where the pytest files of one run leave their coverage data (one coverage.py data file per file,
/// in one folder per instance), for <see cref="CombinePytestCoverageActivity"/> to combine once.
/// </summary>
public static class PytestCoverageData
{
    /// <summary>The data folder of instance <paramref name="instanceId"/>.</summary>
    public static string Directory(string instanceId) =>
        Path.Combine(Path.GetTempPath(), "obs-coverage", Sanitize(instanceId));

    /// <summary>The data file <paramref name="target"/> writes: <c>.coverage.&lt;target&gt;</c>, a name <c>coverage combine</c> picks up.</summary>
    public static string FileOf(string instanceId, string target) =>
        Path.Combine(Directory(instanceId), ".coverage." + Sanitize(target));

    /// <summary>The coverage.py command beside the pytest one: <c>python -m pytest</c> → <c>python -m coverage</c>; a <c>pytest</c> script → <c>coverage</c> beside it, else <c>python3 -m coverage</c>.</summary>
    public static IReadOnlyList<string> CoverageCommand(IReadOnlyList<string> pytest)
    {
        ArgumentNullException.ThrowIfNull(pytest);
        var last = pytest.Count - 1;
        if (last >= 1 && pytest[last] == "pytest" && pytest[last - 1] == "-m")
        {
            return [.. pytest.Take(last), "coverage"];
        }

        if (pytest.Count > 0 && Path.GetFileName(pytest[^1]) is "pytest" or "py.test")
        {
            var beside = Path.Combine(Path.GetDirectoryName(pytest[^1]) ?? string.Empty, "coverage");
            if (Path.IsPathRooted(beside) && File.Exists(beside))
            {
                return [.. pytest.Take(last), beside];
            }
        }

        return ["python3", "-m", "coverage"];
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
