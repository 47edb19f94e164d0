namespace Obs.Cli.Tests;

/// <summary>
/// obs' own one-line messages: plain text when stderr is not a terminal, styled on a terminal, and the
/// message shown as it is either way (brackets are not markup).
/// </summary>
public sealed class StderrLinesTests
{
    private const char Escape = '\u001b';
    private const string Missing = "[no-such]-obs-cmd";

    [Fact]
    public async Task Fail_StderrRedirected_IsOnePlainLineWithTheMessageVerbatim()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", Missing]);

        Assert.Equal(127, outcome.ExitCode);
        Assert.Contains($"obs: error: {Missing}: command not found\n", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, outcome.Stderr);
        Assert.Matches("^obs: trace [0-9a-f]{32}$", outcome.Stderr.Split('\n').Single(l => l.StartsWith("obs: trace", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fail_OnATerminal_IsStyledAndKeepsTheMessageVerbatim()
    {
        var directory = Directory.CreateTempSubdirectory("obs-tty-lines-").FullName;
        try
        {
            var outcome = await ObsProcess.RunUnderTerminalAsync(["--exporter", "none", "run", "--", Missing], directory);

            Assert.Equal(127, outcome.ExitCode);
            var line = outcome.Stdout.Split('\n').Single(l => l.Contains("command not found", StringComparison.Ordinal));
            Assert.Contains(Escape, line);
            Assert.Contains($"obs: error:", line, StringComparison.Ordinal);
            Assert.Contains($" {Missing}: command not found", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
