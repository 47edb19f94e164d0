using System.Diagnostics;
using System.Globalization;

namespace Obs.Cli.Tests;

/// <summary>
/// The process <c>obs run</c> starts (posix_spawnp + waitpid): found on PATH, how it ended as the shell
/// reports it, signals as a shell would leave them, SIGTERM forwarded.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunChildProcessTests
{
    private const int SigPipe = 13;

    [Fact]
    public async Task Run_ChildKilledBySignal_ExitsWith128PlusTheSignal()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "sh", "-c", "kill -KILL $$"]);

        Assert.Equal(137, outcome.ExitCode);
    }

    [Fact]
    public async Task Run_Child_HasSigpipeAtItsDefaultAndNoBlockedSignals()
    {
        // The runtime ignores SIGPIPE; a child left that way would see `yes | head -1` fail with EPIPE instead of dying quietly.
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "sh", "-c", "grep -E '^Sig(Ign|Blk):' /proc/self/status; yes | head -n 1"]);

        Assert.Equal(0, outcome.ExitCode);
        var masks = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("Sig", StringComparison.Ordinal))
            .ToDictionary(line => line[..6], line => ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(0UL, masks["SigIgn"] & (1UL << (SigPipe - 1)));
        Assert.Equal(0UL, masks["SigBlk"]);
        Assert.EndsWith("y\n", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Broken pipe", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandWithASlash_RunsThatFile_AndAFileThatIsNotExecutable_Exits126()
    {
        var directory = Directory.CreateTempSubdirectory("obs-run-path-").FullName;
        try
        {
            var script = Path.Combine(directory, "hello.sh");
            await File.WriteAllTextAsync(script, "#!/bin/sh\necho \"hello $1\"\n");
            var notExecutable = Path.Combine(directory, "plain.sh");
            await File.WriteAllTextAsync(notExecutable, "#!/bin/sh\necho never\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var ran = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "./hello.sh", "there"], workingDirectory: directory);
            var refused = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "./plain.sh"], workingDirectory: directory);

            Assert.Equal(0, ran.ExitCode);
            Assert.Equal("hello there\n", ran.Stdout);
            Assert.Equal(126, refused.ExitCode);
            Assert.Contains("./plain.sh: Permission denied", refused.Stderr, StringComparison.Ordinal);
            Assert.Empty(refused.Stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Run_ObsGetsSigterm_TheChildGetsItAndObsExitsWithTheChildsCode()
    {
        var startInfo = ObsProcess.StartInfo(
            ["--exporter", "none", "run", "--", "sh", "-c", "trap 'echo terminated; exit 3' TERM; echo ready; while :; do sleep 0.05; done"],
            null,
            Path.GetTempPath());
        using var obs = Process.Start(startInfo)!;
        var stderr = obs.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Assert.Equal("ready", await obs.StandardOutput.ReadLineAsync(timeout.Token));
            using (var kill = Process.Start("kill", ["-TERM", obs.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            var rest = await obs.StandardOutput.ReadToEndAsync(timeout.Token);
            await obs.WaitForExitAsync(timeout.Token);

            Assert.Equal("terminated\n", rest);
            Assert.Equal(3, obs.ExitCode);
        }
        finally
        {
            if (!obs.HasExited)
            {
                obs.Kill(entireProcessTree: true);
            }

            _ = await stderr;
        }
    }
}
