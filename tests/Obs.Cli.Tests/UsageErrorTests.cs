namespace Obs.Cli.Tests;

/// <summary>Bad input: one line on stderr naming the problem, exit code 2, the command never runs.</summary>
public sealed class UsageErrorTests
{
    [Fact]
    public async Task Run_SamplingRateOutOfRange_Exits2NamingKeyFlagAndValue()
    {
        var outcome = await ObsProcess.RunAsync(["--sampling-rate", "1.5", "run", "--", "sh", "-c", "echo ran"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("tracing.sampling.rate", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--sampling-rate", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("1.5", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("framework: 3", "test.framework")]
    [InlineData("command: {a: b}", "test.command")]
    public async Task Test_BadTestSection_Exits2NamingKeyAndFileLine(string entry, string key)
    {
        var directory = Directory.CreateTempSubdirectory("obs-test-config-").FullName;
        try
        {
            var config = Path.Combine(directory, "obs.yaml");
            await File.WriteAllTextAsync(config, $"test:\n  {entry}\n");

            var outcome = await ObsProcess.RunAsync(["--config", config, "--exporter", "none", "test"], workingDirectory: directory);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(key, outcome.Stderr, StringComparison.Ordinal);
            Assert.Contains($"{config}:2", outcome.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Run_ExplicitConfigMissing_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--config", "/nonexistent/obs.yaml", "run", "--", "true"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("/nonexistent/obs.yaml", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidEnvironmentSampler_Exits2NamingVariable()
    {
        var outcome = await ObsProcess.RunAsync(
            ["run", "--", "true"],
            new Dictionary<string, string> { ["OTEL_TRACES_SAMPLER"] = "xray" });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("OTEL_TRACES_SAMPLER", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("xray", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AttributeWithoutEquals_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--attr", "novalue", "--", "true"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--attr 'novalue' must be key=value", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutCommand_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["run"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task UnknownVerb_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("obs --help", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsRunAndGlobalOptions_ExitsZero()
    {
        var outcome = await ObsProcess.RunAsync(["--help"]);

        Assert.Equal(0, outcome.ExitCode);
        foreach (var expected in new[] { "run", "--config", "--exporter", "--endpoint", "--protocol", "--service-name", "--sampling-rate", "--verbose" })
        {
            Assert.Contains(expected, outcome.Stdout, StringComparison.Ordinal);
        }
    }
}
