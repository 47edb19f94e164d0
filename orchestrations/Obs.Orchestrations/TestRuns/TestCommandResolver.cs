using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The process that runs one target and where it leaves its reports. Pure: it reads no files and
/// starts nothing (only the pytest lookup on <c>PATH</c> touches the filesystem).
/// </summary>
public static class TestCommandResolver
{
    /// <summary>The command for <paramref name="target"/> of <paramref name="request"/>, writing its reports under <paramref name="reportDirectory"/>.</summary>
    /// <param name="request">The run's request; its path is the working directory.</param>
    /// <param name="target">A discovered target.</param>
    /// <param name="reportDirectory">An empty scratch directory the reports go to.</param>
    /// <param name="pathVariable">The <c>PATH</c> pytest is looked up on; the process's when null.</param>
    /// <param name="coverageDataFile">Where a pytest file writes its coverage data (see <see cref="PytestCoverageData"/>); in the report directory when null.</param>
    /// <exception cref="ArgumentException">Unknown framework, or a <c>junit</c> request without a command.</exception>
    public static TestTargetCommand Resolve(TestRunRequest request, string target, string reportDirectory, string? pathVariable = null, string? coverageDataFile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(reportDirectory);
        var workingDirectory = System.IO.Path.GetFullPath(request.Path);
        var command = request.Framework switch
        {
            TestFramework.Pytest => Pytest(request, target, reportDirectory, pathVariable, coverageDataFile),
            TestFramework.Dotnet => Dotnet(request, target, reportDirectory),
            TestRunRequest.JUnit => JUnit(request, reportDirectory),
            _ => throw new ArgumentException($"Unknown test framework '{request.Framework}': use pytest, dotnet or junit.", nameof(request)),
        };

        var environment = new Dictionary<string, string?>(request.Env ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        foreach (var (name, value) in command.Environment)
        {
            environment[name] = value;
        }

        return command with
        {
            Process = command.Process with
            {
                WorkingDirectory = workingDirectory,
                Environment = environment,
                Timeout = request.TimeoutSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
        };
    }

    /// <summary>Every <c>{report}</c> in <paramref name="arguments"/> replaced by <paramref name="reportPath"/>.</summary>
    public static IReadOnlyList<string> SubstituteReport(IReadOnlyList<string> arguments, string reportPath) =>
        [.. arguments.Select(a => a.Replace(TestRunRequest.ReportPlaceholder, reportPath, StringComparison.Ordinal))];

    private static TestTargetCommand Pytest(TestRunRequest request, string target, string reportDirectory, string? pathVariable, string? coverageDataFile)
    {
        var report = System.IO.Path.Combine(reportDirectory, "report.xml");
        IReadOnlyList<string> runner = request.Command is { Count: > 0 } custom ? custom : TestFramework.ResolvePytestCommand(pathVariable);
        List<string> arguments = [.. runner.Skip(1), target, $"--junitxml={report}", request.Verbose ? "-v" : "-q"];
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.Coverage)
        {
            // Data only: one file's percentage would count the other files' sources as missed. The run's
            // coverage is reported once, over every file's data combined (CombinePytestCoverageActivity).
            arguments.AddRange([$"--cov={System.IO.Path.GetFullPath(request.Path)}", "--cov-report="]);
            environment["COVERAGE_FILE"] = coverageDataFile ?? System.IO.Path.Combine(reportDirectory, ".coverage");
        }

        return new TestTargetCommand(new ProcessSpec(runner[0], arguments), report, JUnitXmlReportParser.Format, null, environment);
    }

    private static TestTargetCommand Dotnet(TestRunRequest request, string target, string reportDirectory)
    {
        var report = System.IO.Path.Combine(reportDirectory, "report.trx");
        IReadOnlyList<string> runner = request.Command is { Count: > 0 } custom ? custom : ["dotnet", "test"];
        List<string> arguments = [.. runner.Skip(1), target, "--logger", $"trx;LogFileName={report}", "--results-directory", reportDirectory, "--nologo"];
        if (request.Verbose)
        {
            arguments.AddRange(["--logger", "console;verbosity=normal"]);
        }

        if (request.Coverage)
        {
            arguments.AddRange(["--collect", "XPlat Code Coverage"]);
        }

        // Coverlet writes coverage.cobertura.xml under a fresh GUID folder of the results directory.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["DOTNET_NOLOGO"] = "1" };
        return new TestTargetCommand(new ProcessSpec(runner[0], arguments), report, TrxReportParser.Format, request.Coverage ? reportDirectory : null, environment);
    }

    private static TestTargetCommand JUnit(TestRunRequest request, string reportDirectory)
    {
        if (request.Command is not { Count: > 0 } command)
        {
            throw new ArgumentException("The junit framework needs a command that writes JUnit XML to {report}.", nameof(request));
        }

        var report = System.IO.Path.Combine(reportDirectory, "report.xml");
        var arguments = SubstituteReport(command, report);
        return new TestTargetCommand(new ProcessSpec(arguments[0], [.. arguments.Skip(1)]), report, JUnitXmlReportParser.Format, null, new Dictionary<string, string?>());
    }
}
