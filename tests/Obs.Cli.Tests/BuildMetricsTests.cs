using Obs.Cli.Hosting;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Metrics;
using Obs.Testing.Metrics;
using Spectre.Console;

namespace Obs.Cli.Tests;

/// <summary>
/// <c>obs build</c> run in process, so a listener sees the Obs meters: the build's metrics are
/// recorded once, by the orchestration, not a second time by the verb.
/// </summary>
public sealed class BuildMetricsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-build-metrics-").FullName;
    private readonly string _pipeline = "cli-metrics-" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData("true", 0, "success")]
    [InlineData("exit 1", 1, "failure")]
    public async Task Build_InProcess_RecordsTheBuildExactlyOnce(string command, int exitCode, string pipelineResult)
    {
        var file = Path.Combine(_directory, "build.yaml");
        await File.WriteAllTextAsync(file, $"""
            name: {_pipeline}
            steps:
              - name: only
                type: command
                command: "{command}"
            """);
        using var metrics = new ObsMetricCollector();

        var exit = await InvokeAsync(["--exporter", "none", "build", "--file", file, "--no-progress"]);

        Assert.Equal(exitCode, exit);
        Assert.Single(metrics.Of(ObsInstruments.BuildRunsName, AttributeKeys.Cicd.PipelineName, _pipeline));
        var duration = Assert.Single(metrics.Of(ObsInstruments.BuildDurationName, AttributeKeys.Cicd.PipelineName, _pipeline));
        Assert.Equal(pipelineResult, duration.Tags[AttributeKeys.Cicd.PipelineResult]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<int> InvokeAsync(string[] args)
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        var environment = new Dictionary<string, string?> { [CliEngine.StateDatabaseVariable] = Path.Combine(_directory, "state.db") };
        return ObsCommandLine.InvokeAsync(args, new CliConsole(new StringWriter(), error, environment));
    }
}
