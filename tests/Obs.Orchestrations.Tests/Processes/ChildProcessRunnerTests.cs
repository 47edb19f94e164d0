using System.Collections.Concurrent;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.Processes;

public sealed class ChildProcessRunnerTests
{
    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 3", 3)]
    [InlineData("exit 255", 255)]
    public async Task RunAsync_CommandExits_ExitCodePassesThrough(string command, int expected)
    {
        var before = DateTimeOffset.UtcNow;

        var result = await ChildProcessRunner.RunAsync(ProcessSpec.Shell(command));

        Assert.Equal(expected, result.ExitCode);
        Assert.Equal(expected == 0, result.Succeeded);
        Assert.NotNull(result.Pid);
        Assert.Null(result.StartError);
        Assert.False(result.TimedOut);
        Assert.False(result.Cancelled);
        Assert.InRange(result.StartedAt, before, DateTimeOffset.UtcNow);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task RunAsync_ManyLines_StreamedInOrderAndTailKeepsTheLastOnes()
    {
        var lines = new ConcurrentQueue<ProcessOutputLine>();
        var spec = ProcessSpec.Shell("i=1; while [ $i -le 10000 ]; do echo $i; echo e$i >&2; i=$((i+1)); done") with
        {
            TailLines = 25,
            OnOutput = lines.Enqueue,
        };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Equal(0, result.ExitCode);
        var stdout = lines.Where(l => l.Stream == ProcessStream.StandardOutput).Select(l => l.Text);
        var stderr = lines.Where(l => l.Stream == ProcessStream.StandardError).Select(l => l.Text);
        Assert.Equal(Numbers(1, 10000, ""), stdout);
        Assert.Equal(Numbers(1, 10000, "e"), stderr);
        Assert.Equal(Numbers(9976, 25, ""), result.StdoutTail);
        Assert.Equal(Numbers(9976, 25, "e"), result.StderrTail);
    }

    [Fact]
    public async Task RunAsync_MoreThanAMegabyteOnBothStreams_DoesNotDeadlock()
    {
        var line = new string('x', 99);
        var count = 0;
        var loop = $"i=0; while [ $i -lt 20000 ]; do printf '%s\\n' {line}; i=$((i+1)); done";
        var spec = ProcessSpec.Shell($"({loop}) >&2 & {loop}; wait") with
        {
            Timeout = TimeSpan.FromSeconds(60),
            TailLines = 3,
            OnOutput = _ => Interlocked.Increment(ref count),
        };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.False(result.TimedOut);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(40000, count);
        Assert.Equal([line, line, line], result.StdoutTail);
        Assert.Equal([line, line, line], result.StderrTail);
    }

    [Fact]
    public async Task RunAsync_WritesToBothStreams_KeepsThemApart()
    {
        var result = await ChildProcessRunner.RunAsync(ProcessSpec.Shell("echo out; echo err >&2; echo out2"));

        Assert.Equal(["out", "out2"], result.StdoutTail);
        Assert.Equal(["err"], result.StderrTail);
    }

    [Fact]
    public async Task RunAsync_ZeroTailLines_KeepsNoLinesButStillStreams()
    {
        var lines = new ConcurrentQueue<ProcessOutputLine>();
        var spec = ProcessSpec.Shell("echo a; echo b >&2") with { TailLines = 0, OnOutput = lines.Enqueue };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Empty(result.StdoutTail);
        Assert.Empty(result.StderrTail);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task Shell_CommandLineWithPipes_RunsThroughTheShell()
    {
        var result = await ChildProcessRunner.RunAsync(ProcessSpec.Shell("printf 'b\\na\\nc\\n' | sort | tr a-z A-Z"));

        Assert.True(result.Succeeded);
        Assert.Equal(["A", "B", "C"], result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_ArgumentsWithSpacesAndQuotes_ReachTheChildUnsplit()
    {
        var spec = new ProcessSpec("printf", ["%s|%s\\n", "a b", "it's \"quoted\""]);

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Equal(["a b|it's \"quoted\""], result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_ChildReadsStdin_GetsEndOfInputInsteadOfHanging()
    {
        var spec = new ProcessSpec("cat", []) { Timeout = TimeSpan.FromSeconds(10) };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task RunAsync_OnOutputThrows_KillsTheChildAndRethrows()
    {
        var spec = ProcessSpec.Shell("echo first; sleep 30") with
        {
            OnOutput = _ => throw new InvalidOperationException("callback failed"),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ChildProcessRunner.RunAsync(spec));

        Assert.Equal("callback failed", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_NegativeTailLines_Throws()
    {
        var spec = ProcessSpec.Shell("true") with { TailLines = -1 };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ChildProcessRunner.RunAsync(spec));
    }

    private static string[] Numbers(int start, int count, string prefix) =>
        Enumerable.Range(start, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
