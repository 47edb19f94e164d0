using System.Diagnostics;
using System.Text.Json;

namespace Obs.Cli.Tests.Reliability;

/// <summary>
/// A state directory obs cannot write (read-only, or on a full disk): one clear line naming the path,
/// exit 2, no stack trace, and the instances already in the database are intact afterwards.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateDirectoryTests : IDisposable
{
    private const string Definition = "steps:\n  - {name: a, type: command, command: \"true\"}\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-state-dir-").FullName;

    public StateDirectoryTests()
    {
        // Readable and writable by the unprivileged user the read-only case runs as under root.
        File.SetUnixFileMode(_directory, (UnixFileMode)0x1FF);
        File.WriteAllText(Path.Combine(_directory, "build.yaml"), Definition);
    }

    private static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    [Fact]
    public async Task ReadOnlyStateDirectory_IsOneClearError_Exit2()
    {
        var state = Directory.CreateDirectory(Path.Combine(_directory, "state")).FullName;
        File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        // Root writes through any mode bits, so under root obs runs as 'nobody', as a user would.
        var outcome = await RunAsync(["--exporter", "none", "build", "--file", "build.yaml"], Path.Combine(state, "state.db"), asUnprivileged: IsRoot);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine(state, "state.db"), line, StringComparison.Ordinal);
        Assert.Contains("permissions", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(state));
    }

    [Fact]
    public async Task FullDisk_IsOneClearError_AndTheInstancesAlreadyThereSurvive()
    {
        if (!IsRoot)
        {
            return; // a size-limited tmpfs needs root to mount; CI runs this as root
        }

        var state = Directory.CreateDirectory(Path.Combine(_directory, "state")).FullName;
        await RunToolAsync("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", state);
        try
        {
            var db = Path.Combine(state, "state.db");
            var first = await RunAsync(["--exporter", "none", "build", "--file", "build.yaml", "--format", "json"], db);
            Assert.True(first.ExitCode == 0, first.Stderr);

            await RunToolAsync("sh", "-c", $"dd if=/dev/zero of='{state}/fill' bs=4k count=1000 2>/dev/null; true");
            var full = await RunAsync(["--exporter", "none", "build", "--file", "build.yaml"], db);

            Assert.Equal(2, full.ExitCode);
            Assert.True(full.Stderr.Contains("is full", StringComparison.Ordinal), full.Stderr);
            Assert.Contains(db, full.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);

            File.Delete(Path.Combine(state, "fill"));
            var status = await RunAsync(["--exporter", "none", "status", "--format", "json"], db);
            Assert.True(status.ExitCode == 0, status.Stderr);
            using var listed = JsonDocument.Parse(status.Stdout);
            Assert.Contains("Completed", listed.RootElement.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            await RunToolAsync("umount", state);
        }
    }

    private async Task<ObsProcess.Outcome> RunAsync(string[] args, string stateDb, bool asUnprivileged = false)
    {
        var environment = new Dictionary<string, string> { ["OBS_STATE_DB"] = stateDb, ["HOME"] = _directory, ["DOTNET_CLI_HOME"] = _directory };
        var startInfo = ObsProcess.StartInfo(args, environment, _directory);
        if (asUnprivileged)
        {
            var command = new[] { "--reuid=65534", "--regid=65534", "--clear-groups", startInfo.FileName }.Concat(startInfo.ArgumentList).ToList();
            startInfo.FileName = "setpriv";
            startInfo.ArgumentList.Clear();
            command.ForEach(startInfo.ArgumentList.Add);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new ObsProcess.Outcome(process.ExitCode, await stdout, await stderr, TimeSpan.Zero);
    }

    private static async Task RunToolAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {stderr}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
