using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>Where each pytest file's coverage data goes, the command it runs with, and the coverage.py command that combines them.</summary>
public sealed class PytestCoverageDataTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("obs-coverage-data-").FullName;

    [Fact]
    public void Resolve_PytestCoverage_WritesDataOnlyToTheFilesDataFile()
    {
        var request = new TestRunRequest { Framework = TestFramework.Pytest, Path = "/src", Coverage = true, Command = ["/usr/bin/python3", "-m", "pytest"] };
        var data = PytestCoverageData.FileOf("run-1", "tests/test_a.py");

        var command = TestCommandResolver.Resolve(request, "tests/test_a.py", "/tmp/r", coverageDataFile: data);

        Assert.Equal("/usr/bin/python3", command.Process.FileName);
        Assert.Equal(
            ["-m", "pytest", "tests/test_a.py", "--junitxml=/tmp/r/report.xml", "-q", "--cov=/src", "--cov-report="],
            command.Process.Arguments);
        Assert.Equal(data, command.Process.Environment["COVERAGE_FILE"]);
        Assert.Null(command.CoveragePath);
    }

    [Fact]
    public void Resolve_PytestWithoutCoverage_HasNoCoverageArguments()
    {
        var request = new TestRunRequest { Framework = TestFramework.Pytest, Path = "/src", Command = ["pytest"] };

        var command = TestCommandResolver.Resolve(request, "tests/test_a.py", "/tmp/r", coverageDataFile: "/tmp/d/.coverage.x");

        Assert.DoesNotContain(command.Process.Arguments, a => a.StartsWith("--cov", StringComparison.Ordinal));
        Assert.False(command.Process.Environment.ContainsKey("COVERAGE_FILE"));
    }

    [Fact]
    public void FileOf_DistinctTargets_GetDistinctDotFreeNamesCoverageCombines()
    {
        string[] targets = ["x/test_a.py", "x_test_a.py", "x.test_a.py", "tests/test_a.py"];

        var files = targets.Select(t => PytestCoverageData.FileOf("run-1", t)).ToList();

        Assert.Equal(targets.Length, files.Distinct(StringComparer.Ordinal).Count());
        Assert.All(files, f => Assert.Equal(PytestCoverageData.Directory("run-1"), Path.GetDirectoryName(f)));
        Assert.All(files, f => Assert.StartsWith(".coverage.", Path.GetFileName(f), StringComparison.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain('.', Path.GetFileName(f)[".coverage.".Length..]));
        Assert.NotEqual(PytestCoverageData.Directory("run-1"), PytestCoverageData.Directory("run_1"));
    }

    [Fact]
    public void CoverageCommand_PythonDashMPytest_IsTheSameInterpreterDashMCoverage() =>
        Assert.Equal(["/usr/bin/python3", "-m", "coverage"], PytestCoverageData.CoverageCommand(["/usr/bin/python3", "-m", "pytest"]));

    [Fact]
    public void CoverageCommand_PytestScript_RunsCoverageOnItsShebangsInterpreter()
    {
        var pytest = Script("bin/pytest", "#!/opt/python/bin/python3.11\nimport pytest\n");

        Assert.Equal(["/opt/python/bin/python3.11", "-m", "coverage"], PytestCoverageData.CoverageCommand([pytest]));
    }

    [Fact]
    public void CoverageCommand_PytestScriptThroughEnv_RunsCoverageOnTheNamedInterpreter()
    {
        var pytest = Script("bin/pytest", "#!/usr/bin/env -S python3\nimport pytest\n");

        Assert.Equal(["python3", "-m", "coverage"], PytestCoverageData.CoverageCommand([pytest]));
    }

    [Fact]
    public void CoverageCommand_PytestScriptWithCoverageBesideIt_IsThatCoverage()
    {
        var pytest = Script("venv/bin/pytest", "#!/somewhere/else/python3\n");
        var coverage = Script("venv/bin/coverage", "#!/somewhere/else/python3\n");

        Assert.Equal([coverage], PytestCoverageData.CoverageCommand([pytest]));
    }

    [Fact]
    public void CoverageCommand_UnknownRunner_IsPython3DashMCoverage() =>
        Assert.Equal(["python3", "-m", "coverage"], PytestCoverageData.CoverageCommand(["tox", "-e", "py"]));

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Script(string relative, string text)
    {
        var path = Path.Combine(_scratch, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
