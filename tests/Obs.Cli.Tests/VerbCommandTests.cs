using System.Text.Json;

namespace Obs.Cli.Tests;

/// <summary><c>obs test</c>, <c>obs benchmark</c>, <c>obs startup</c> and <c>obs status</c> as real processes.</summary>
public sealed class VerbCommandTests : IDisposable
{
    private const string JUnitReport = """
        <testsuite name="suite" tests="3" failures="1" skipped="1" timestamp="2026-11-24T08:00:00">
          <testcase classname="tests.test_math" name="test_ok" time="0.010"/>
          <testcase classname="tests.test_math" name="test_bad" time="0.020"><failure message="boom">trace</failure></testcase>
          <testcase classname="tests.test_math" name="test_later" time="0"><skipped message="later"/></testcase>
        </testsuite>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-verbs-cli-").FullName;

    [Fact]
    public async Task Test_JUnitCommandWithAFailure_Exits1AndJsonCountsEveryOutcome()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "report.template.xml"), JUnitReport);

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "none", "test", "--framework", "junit", "--format", "json", "--", "sh", "-c", "cp report.template.xml {report}"],
            workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("passed").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("skipped").GetInt32());
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Test_PytestSample_Exits0ThenStatusListsTheRun()
    {
        if (!PytestAvailable())
        {
            return;
        }

        CopyDirectory(Path.Combine(RepositoryRoot(), "samples", "python-app"), _directory);

        var run = await ObsProcess.RunAsync(["--exporter", "none", "test", "--parallel"], workingDirectory: _directory, timeout: TimeSpan.FromSeconds(120));
        var status = await ObsProcess.RunAsync(["status", "--format", "json"], workingDirectory: _directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("9 passed, 0 failed, 1 skipped", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        using var json = JsonDocument.Parse(status.Stdout);
        var instance = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Test", instance.GetProperty("name").GetString());
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Test_FrameworkAndCommandFromConfigFile_AreUsedWithoutFlags()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "report.template.xml"), JUnitReport);
        await File.WriteAllTextAsync(Path.Combine(_directory, "obs.yaml"), """
            tracing:
              service_name: "configured"
            test:
              framework: junit
              command: ["sh", "-c", "cp report.template.xml {report}"]
            """);

        var outcome = await ObsProcess.RunAsync(["--config", "obs.yaml", "--exporter", "none", "test", "--format", "json"], workingDirectory: _directory);

        Assert.Equal(1, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("junit", json.RootElement.GetProperty("framework").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Build_WithoutBuildFile_RunsTheBuildSectionOfTheConfigFile()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "obs.yaml"), """
            tracing:
              service_name: "configured"
            build:
              name: from-config
              steps:
                - name: only
                  type: command
                  command: "echo built > built.txt"
            """);

        var outcome = await ObsProcess.RunAsync(["--config", "obs.yaml", "--exporter", "none", "build"], workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("build from-config: succeeded", outcome.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "built.txt")));
    }

    [Fact]
    public async Task Test_UnknownFramework_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "test", "--framework", "mocha"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("mocha", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benchmark_Command_PrintsStatisticsAsJson()
    {
        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "none", "benchmark", "--iterations", "5", "--warmup", "1", "--format", "json", "--", "sh", "-c", "sleep 0.01"],
            workingDirectory: _directory);

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var statistics = json.RootElement.GetProperty("statistics");
        Assert.Equal(5, statistics.GetProperty("count").GetInt32());
        Assert.InRange(statistics.GetProperty("min_ms").GetDouble(), 9, 5000);
        Assert.True(statistics.GetProperty("p95_ms").GetDouble() >= statistics.GetProperty("p50_ms").GetDouble());
    }

    [Fact]
    public async Task Benchmark_UrlAndCommandTogether_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "benchmark", "--url", "http://127.0.0.1:9/", "--", "true"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
    }

    [Fact]
    public async Task Startup_ReadyLog_Exits0AndProgramExitingEarly_Exits1()
    {
        var ready = await ObsProcess.RunAsync(
            ["--exporter", "none", "startup", "--target", "sleep 0.2; echo listening; sleep 30", "--ready-log", "listen", "--timeout", "10", "--format", "json"],
            workingDirectory: _directory);
        var early = await ObsProcess.RunAsync(
            ["--exporter", "none", "startup", "--target", "echo dying; exit 3", "--ready-log", "listen", "--timeout", "10"],
            workingDirectory: _directory);

        Assert.Equal(0, ready.ExitCode);
        using var json = JsonDocument.Parse(ready.Stdout);
        Assert.True(json.RootElement.GetProperty("ready").GetBoolean());
        Assert.InRange(json.RootElement.GetProperty("time_to_ready_ms").GetDouble(), 150, 10000);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains(": failed — exited", early.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AfterObsWasKilledMidBuild_FinishesTheBuild()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "build.yaml"), """
            name: interrupted
            steps:
              - name: first
                type: command
                command: "echo first >> steps.log"
              - name: slow
                type: command
                command: "sleep 2; echo slow >> steps.log"
            """);
        var environment = new Dictionary<string, string> { ["OBS_LEASE_SECONDS"] = "2" };
        var startInfo = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { ObsProcess.ObsDll, "--exporter", "none", "build", "--no-progress" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["OBS_LEASE_SECONDS"] = "2";
        using (var build = System.Diagnostics.Process.Start(startInfo)!)
        {
            var log = Path.Combine(_directory, "steps.log");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("first", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(300);
            build.Kill(); // SIGKILL: no graceful release of the lease
            await build.WaitForExitAsync();
        }

        var status = await ObsProcess.RunAsync(["status", "--format", "json"], environment, _directory);
        using var listed = JsonDocument.Parse(status.Stdout);
        var instance = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("Running", instance.GetProperty("status").GetString());

        var resumed = await ObsProcess.RunAsync(["--exporter", "none", "resume", instance.GetProperty("id").GetString()!, "--format", "json"], environment, _directory, TimeSpan.FromSeconds(60));

        Assert.Equal(0, resumed.ExitCode);
        using var result = JsonDocument.Parse(resumed.Stdout);
        Assert.Equal("Completed", result.RootElement.GetProperty("status").GetString());
        Assert.True(result.RootElement.GetProperty("output").GetProperty("success").GetBoolean());
        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory, "steps.log"));
        Assert.Single(lines, l => l == "first");
        Assert.Contains("slow", lines);
    }

    [Fact]
    public async Task Test_PytestFixtureErrorAndParametrized_CountedAsErrorAndCases()
    {
        if (!PytestAvailable())
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(_directory, "tests"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "tests", "test_setup.py"), """
            import pytest

            @pytest.fixture
            def database():
                raise RuntimeError("database is down")

            def test_needs_database(database):
                assert database

            @pytest.mark.parametrize("n", [1, 2, 3])
            def test_positive(n):
                assert n > 0
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "test", "--format", "json"], workingDirectory: _directory, timeout: TimeSpan.FromSeconds(120));

        Assert.Equal(1, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("passed").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        var failure = Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Contains("database is down", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_PytestFileThatFailsToImport_IsNamedInTheSummaryWithItsError()
    {
        if (!PytestAvailable())
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(_directory, "tests"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "tests", "test_good.py"), """
            def test_one():
                assert 1 + 1 == 2

            def test_two():
                assert "a".upper() == "A"
            """);
        await File.WriteAllTextAsync(Path.Combine(_directory, "tests", "test_broken.py"), """
            import module_that_is_not_installed

            def test_never_collected():
                assert True
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "test"], workingDirectory: _directory, timeout: TimeSpan.FromSeconds(120));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("pytest: 2 passed, 0 failed, 0 skipped, 1 error", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "✗ tests/test_broken.py: collection failure: ModuleNotFoundError: No module named 'module_that_is_not_installed'",
            outcome.Stdout.Split('\n').Select(l => l.TrimEnd('\r')),
            StringComparer.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutStateDatabase_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["status"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no state database", outcome.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool PytestAvailable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, "pytest")));
        Assert.True(found || Environment.GetEnvironmentVariable("OBS_REQUIRE_PYTEST") != "1", "pytest is required (OBS_REQUIRE_PYTEST=1) but not on PATH");
        return found;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Obs.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Contains("__pycache__", StringComparison.Ordinal) || relative.Contains(".pytest_cache", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
