using System.Text.RegularExpressions;
using Obs.Testing.Repository;

namespace Obs.Cli.Tests;

/// <summary>One error path: usage and configuration problems are <see cref="UsageException"/>s, mapped to exit 2 in one place.</summary>
public sealed partial class ErrorPathTests
{
    [Fact]
    public void NoVerb_ReturnsTheUsageExitCodeItself_OnlyTheTopLevelDoes()
    {
        var cli = Path.Combine(RepositoryDirectory.Root, "cli", "Obs.Cli");
        var offenders = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "ObsCommandLine.cs")
            .Where(f => EarlyUsageReturn().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(new[] { "benchmark", "--url", "http://127.0.0.1:1/", "--", "true" }, "give either --url or a command after --, not both")]
    [InlineData(new[] { "run", "--attr", "novalue", "--", "true" }, "novalue")]
    public async Task UsageProblemInAVerb_IsOneErrorLine_Exit2(string[] args, string expected)
    {
        var outcome = await InProcessObs.RunAsync(["--exporter", "none", .. args]);

        Assert.Equal(ExitCodes.UsageError, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("obs: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ConfigFileIsNotYaml_IsOneConfigLineNamingFileAndLine_Exit2()
    {
        var path = ObsProcess.WriteConfig("tracing:\n  service_name: [unclosed\n");

        var outcome = await InProcessObs.RunAsync("--config", path, "build");

        Assert.Equal(ExitCodes.UsageError, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The same problem, in the same words, as the tracing load gives for this file: parsed once, reported once.
        Assert.StartsWith($"obs: error: config: (file) ({path}:", line, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error at line", line, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"return\s+ExitCodes\.UsageError")]
    private static partial Regex EarlyUsageReturn();
}
