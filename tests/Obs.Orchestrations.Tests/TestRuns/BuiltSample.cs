using System.Globalization;
using System.Text.RegularExpressions;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// A copy of one .NET sample, restored and built once for a whole test class (a class fixture), so each test's run
/// of Obs or of <c>dotnet test</c> finds it built: a cold restore and build is most of a run's time.
/// </summary>
public abstract partial class BuiltSample : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(4);
    private readonly string _name;
    private readonly string _root = Directory.CreateTempSubdirectory("obs-sample-").FullName;

    protected BuiltSample(string name, string project)
    {
        _name = name;
        Project = project;
    }

    /// <summary>The copy's directory (the path a test run is given).</summary>
    public string Location { get; private set; } = string.Empty;

    /// <summary>The project file's name, as discovery reports it.</summary>
    public string Project { get; }

    public async Task InitializeAsync()
    {
        Location = OrchestrationHarness.CopySampleTo(_root, _name);
        var build = await RunAsync(["build", Project, "-nologo"], new Dictionary<string, string?>());
        Assert.True(build.Result.Succeeded, $"dotnet build {Project}: exit {build.Result.ExitCode}\n{string.Join('\n', build.Lines.TakeLast(40))}");
    }

    /// <summary>
    /// What <c>dotnet test</c> itself reports for the built sample (on Microsoft.Testing.Platform, opted in by the
    /// sample's <c>global.json</c>): the summary's total, succeeded, failed and skipped.
    /// </summary>
    public async Task<(int Total, int Passed, int Failed, int Skipped)> DotnetTestAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var run = await RunAsync(["test", "--project", Project, "--no-build"], environment);
        var counts = run.Lines.Select(l => SummaryLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
        Assert.True(counts.ContainsKey("total"), $"dotnet test printed no summary:\n{string.Join('\n', run.Lines.TakeLast(40))}");
        return (counts["total"], counts.GetValueOrDefault("succeeded"), counts.GetValueOrDefault("failed"), counts.GetValueOrDefault("skipped"));
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }

        return Task.CompletedTask;
    }

    private async Task<(ProcessResult Result, List<string> Lines)> RunAsync(string[] arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var lines = new List<string>();
        var result = await ChildProcessRunner.RunAsync(new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = Location,
            Environment = new Dictionary<string, string?>(environment) { ["DOTNET_NOLOGO"] = "1" },
            Timeout = s_patience,
            OnOutput = line =>
            {
                lock (lines)
                {
                    lines.Add(line.Text);
                }
            },
        });
        return (result, lines);
    }

    /// <summary>A line of the platform's <c>Test run summary</c>: <c>  total: 7</c>.</summary>
    [GeneratedRegex(@"^\s*(?<name>total|succeeded|failed|skipped):\s*(?<count>\d+)\s*$")]
    private static partial Regex SummaryLine();
}

/// <summary><c>samples/dotnet-xunit-v3</c>, built once.</summary>
public sealed class XunitV3Sample() : BuiltSample("dotnet-xunit-v3", "Sample.XunitV3.Tests.csproj");

/// <summary><c>samples/dotnet-mstest</c>, built once.</summary>
public sealed class MSTestSample() : BuiltSample("dotnet-mstest", "Sample.MSTest.Tests.csproj");
