using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// A program started for a start-up probe. Unlike <see cref="ChildProcessRunner"/> it does not wait for
/// the end: it starts the program (joining the current trace through <c>TRACEPARENT</c>), reads both
/// streams in the background noting when the first line came and when a line matched the ready
/// pattern, and keeps a shared tail. The readers keep draining while the program lives, so a program
/// left running never blocks on a full pipe.
/// </summary>
internal sealed class ProbedProcess : IDisposable
{
    public const int TailLines = 40;

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Regex? _ready;
    private readonly TailBuffer _tail = new(TailLines);
    private readonly Task[] _pumps;
    private long _firstOutputTicks = -1;
    private long _logMatchTicks = -1;
    private readonly CancellationTokenSource _stopFollowing = new();

    private ProbedProcess(Process process, Stopwatch clock, Regex? ready, string? outputPath)
    {
        _process = process;
        _clock = clock;
        _ready = ready;
        Pid = process.Id;
        process.StandardInput.Close();
        _pumps = outputPath is null
            ? [Pump(process.StandardOutput), Pump(process.StandardError)]
            : [Pump(process.StandardOutput), Pump(process.StandardError), FollowAsync(outputPath)];
    }

    public int Pid { get; }

    /// <summary>Since the spawn, when the first line of output arrived.</summary>
    public TimeSpan? FirstOutput => Read(ref _firstOutputTicks);

    /// <summary>Since the spawn, when a line first matched the ready pattern.</summary>
    public TimeSpan? LogMatched => Read(ref _logMatchTicks);

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of stdout and stderr, interleaved as they arrived.</summary>
    public IReadOnlyList<string> Tail => _tail.Snapshot();

    /// <summary>
    /// Starts <paramref name="spec"/> (a line matching <paramref name="ready"/> is noted); null with
    /// <paramref name="error"/> when it cannot be started. Times are read from <paramref name="clock"/>, started at the spawn.
    /// </summary>
    /// <param name="spec">What to start.</param>
    /// <param name="clock">Started at the spawn.</param>
    /// <param name="ready">The ready pattern, or null.</param>
    /// <param name="outputPath">A file the program writes its output to (instead of the pipes), followed as it grows; or null.</param>
    /// <param name="error">Why it could not be started.</param>
    public static ProbedProcess? Start(ProcessSpec spec, Stopwatch clock, Regex? ready, string? outputPath, out string? error)
    {
        var process = new Process { StartInfo = ChildProcessRunner.CreateStartInfo(spec) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            error = $"{spec.FileName}: {ex.Message}";
            return null;
        }
        catch (InvalidOperationException ex)
        {
            process.Dispose();
            error = $"{spec.FileName}: {ex.Message}";
            return null;
        }

        error = null;
        return new ProbedProcess(process, clock, ready, outputPath);
    }

    /// <summary>Waits (up to <paramref name="grace"/>) for the readers to reach the end of the output of an exited program.</summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        try
        {
            await Task.WhenAll(_pumps).WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A descendant that outlived the program holds the pipes open; what was read is enough.
        }
    }

    /// <summary>Kills the whole process tree and waits (up to <paramref name="grace"/>) for the program to be gone.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
        catch (Win32Exception)
        {
            // Part of the tree was gone or not ours.
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Releases the process handle; the program itself is not touched (stop it first unless it is meant to keep running).</summary>
    public void Dispose()
    {
        _stopFollowing.Cancel();
        _stopFollowing.Dispose();
        if (_process.HasExited)
        {
            _process.Dispose();
        }

        // A program left running keeps its handle and pipes: disposing would close them under it.
    }

    private TimeSpan? Read(ref long ticks)
    {
        var value = Interlocked.Read(ref ticks);
        return value < 0 ? null : TimeSpan.FromTicks(value);
    }

    private async Task Pump(StreamReader reader)
    {
        try
        {
            await OutputPump.RunAsync(reader, OnLine, ChildProcessRunner.MaxLineLength, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The pipe broke when the tree was killed.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads the output file as it grows, line by line, until the program has exited and all is read, or until disposed.</summary>
    private async Task FollowAsync(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var line = new StringBuilder();
            var buffer = new char[4096];
            while (!_stopFollowing.IsCancellationRequested)
            {
                var exited = _process.HasExited;
                var read = await reader.ReadAsync(buffer).ConfigureAwait(false);
                if (read == 0)
                {
                    if (exited)
                    {
                        break;
                    }

                    await Task.Delay(StartupProbe.PollInterval / 2, _stopFollowing.Token).ConfigureAwait(false);
                    continue;
                }

                foreach (var c in buffer.AsSpan(0, read))
                {
                    if (c == '\n')
                    {
                        OnLine(line.ToString().TrimEnd('\r'));
                        line.Clear();
                    }
                    else if (line.Length < ChildProcessRunner.MaxLineLength)
                    {
                        line.Append(c);
                    }
                }
            }

            if (line.Length > 0)
            {
                OnLine(line.ToString());
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // Disposed: the prober is done with the program.
        }
        catch (IOException)
        {
            // The file went away under the program.
        }
    }

    private void OnLine(string line)
    {
        var now = _clock.Elapsed.Ticks;
        Interlocked.CompareExchange(ref _firstOutputTicks, now, -1);
        if (_ready is not null && Interlocked.Read(ref _logMatchTicks) < 0 && _ready.IsMatch(line))
        {
            Interlocked.CompareExchange(ref _logMatchTicks, now, -1);
        }

        _tail.Add(line);
    }
}
