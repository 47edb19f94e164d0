namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The pytest node id of a JUnit case (<c>tests/test_more.py::ChunkedTests::test_even[1-2]</c>): the
/// id that pastes back into <c>pytest</c> from the run's directory. pytest's JUnit <c>classname</c> is
/// the module's dotted path from its rootdir, then the classes; the file is the target pytest ran.
/// </summary>
public static class PytestNodeId
{
    /// <summary>Gives every case of <paramref name="report"/>, all run from <paramref name="file"/>, its node id and in-file name.</summary>
    public static TestReport Apply(TestReport report, string file)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(file);
        return report with
        {
            Suites = [.. report.Suites.Select(s => s with { Cases = [.. s.Cases.Select(c => Apply(c, file))] })],
        };
    }

    /// <summary>The case with <see cref="TestCaseReport.Id"/> and <see cref="TestCaseReport.LocalName"/> set.</summary>
    public static TestCaseReport Apply(TestCaseReport testCase, string file)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var local = string.Join("::", [.. Classes(file, testCase.ClassName), testCase.Name]);

        // A file that failed to collect is the module itself, whose node id is the file.
        return testCase with { Id = testCase.IsCollectionError ? file : file + "::" + local, LocalName = local, File = file };
    }

    /// <summary>The classes of <paramref name="className"/>: what follows the module named by <paramref name="file"/>.</summary>
    internal static string[] Classes(string file, string? className)
    {
        if (string.IsNullOrEmpty(className))
        {
            return [];
        }

        var parts = className.Split('.');
        var stem = Path.GetFileNameWithoutExtension(file.Replace('\\', '/'));
        var module = Array.LastIndexOf(parts, stem);
        return module >= 0
            ? parts[(module + 1)..]
            : [.. parts.SkipWhile(p => p.Length == 0 || !char.IsUpper(p[0]))];
    }
}
