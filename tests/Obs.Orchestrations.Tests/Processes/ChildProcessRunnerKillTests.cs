using System.Diagnostics;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.Processes;

public sealed class ChildProcessRunnerKillTests : IDisposable
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(1);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("obs-process-kill-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_TimeoutRunsOut_KillsTheWholeTreeAndReports124()
    {
        var (spec, pidFile) = TreeOfSleeps();
        var clock = Stopwatch.StartNew();

        var result = await ChildProcessRunner.RunAsync(spec with { Timeout = s_limit });

        Assert.True(clock.Elapsed < s_limit + TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(result.TimedOut);
        Assert.False(result.Cancelled);
        Assert.Equal(ProcessExitCodes.TimedOut, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal(["started"], result.StdoutTail);
        await AssertAllGoneAsync(pidFile, result.Pid);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheWholeTreeAndReports130()
    {
        var (spec, pidFile) = TreeOfSleeps();
        using var cancellation = new CancellationTokenSource(s_limit);
        var clock = Stopwatch.StartNew();

        var result = await ChildProcessRunner.RunAsync(spec with { Timeout = TimeSpan.FromMinutes(1) }, cancellation.Token);

        Assert.True(clock.Elapsed < s_limit + TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(result.Cancelled);
        Assert.False(result.TimedOut);
        Assert.Equal(ProcessExitCodes.Cancelled, result.ExitCode);
        await AssertAllGoneAsync(pidFile, result.Pid);
    }

    [Fact]
    public async Task RunAsync_EndsBeforeTimeout_ReportsItsOwnExitCode()
    {
        var result = await ChildProcessRunner.RunAsync(ProcessSpec.Shell("exit 5") with { Timeout = TimeSpan.FromSeconds(30) });

        Assert.False(result.TimedOut);
        Assert.Equal(5, result.ExitCode);
    }

    // A shell with two background sleeps that hold its output pipes: the run only ends in time if
    // every process in the tree is killed.
    private (ProcessSpec Spec, string PidFile) TreeOfSleeps()
    {
        var pidFile = Path.Combine(_directory.FullName, "pids");
        var spec = ProcessSpec.Shell($"sleep 30 & echo $! > '{pidFile}.tmp'; sleep 30 & echo $! >> '{pidFile}.tmp'; mv '{pidFile}.tmp' '{pidFile}'; echo started; wait");
        return (spec, pidFile);
    }

    private static async Task AssertAllGoneAsync(string pidFile, int? shellPid)
    {
        Assert.True(File.Exists(pidFile), "the shell never started its sleeps");
        var pids = (await File.ReadAllLinesAsync(pidFile))
            .Select(line => int.Parse(line, System.Globalization.CultureInfo.InvariantCulture))
            .Append(shellPid ?? throw new InvalidOperationException("no pid"))
            .ToArray();
        Assert.Equal(3, pids.Length);

        var deadline = Stopwatch.StartNew();
        while (pids.Any(IsAlive) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.DoesNotContain(pids, IsAlive);
    }

    // A killed process whose new parent has not reaped it yet is a zombie: dead, though /proc still lists it.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
