using System.ComponentModel;
using System.Diagnostics;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Processes;

/// <summary>
/// Runs the child processes build steps and test runs are made of. It only runs: span attributes are
/// the caller's. The child joins the caller's trace through <c>TRACEPARENT</c>/<c>TRACESTATE</c>,
/// its output is read line by line with only a bounded tail kept, its stdin is closed, and a timeout
/// or cancellation kills its whole process tree. Failing to start is a result, not an exception.
/// </summary>
/// <remarks>
/// On Unix the child inherits the .NET runtime's ignored <c>SIGPIPE</c>: a producer in a shell pipeline
/// whose reader has gone gets <c>EPIPE</c> (and may print "Broken pipe") instead of dying silently.
/// </remarks>
public static class ChildProcessRunner
{
    /// <summary>Longer lines are cut here (and end with "…"), so one endless line cannot exhaust memory.</summary>
    public const int MaxLineLength = 16 * 1024;

    // Once the child has exited, what is left in its pipes reads at once; only a descendant that
    // outlived it can keep them open, and the run does not wait on that longer than this.
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(2);

    private const int EnoEnt = 2;
    private const int EAcces = 13;

    /// <summary>
    /// Runs <paramref name="spec"/> to its end, until its <see cref="ProcessSpec.Timeout"/> runs out, or until
    /// <paramref name="cancellationToken"/> is cancelled, whichever comes first.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is malformed (no file name, negative tail or timeout).</exception>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        Validate(spec);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var stdout = new TailBuffer(spec.TailLines);
        var stderr = new TailBuffer(spec.TailLines);

        if (cancellationToken.IsCancellationRequested)
        {
            return new ProcessResult(ProcessExitCodes.Cancelled, null, startedAt, clock.Elapsed, false, true, null, [], []);
        }

        if (spec.WorkingDirectory is { } directory && !Directory.Exists(directory))
        {
            return NotStarted(ProcessExitCodes.CannotExecute, $"{directory}: no such working directory");
        }

        using var process = new Process { StartInfo = CreateStartInfo(spec) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return ex.NativeErrorCode switch
            {
                EnoEnt => NotStarted(ProcessExitCodes.CommandNotFound, $"{spec.FileName}: command not found"),
                EAcces => NotStarted(ProcessExitCodes.CannotExecute, $"{spec.FileName}: permission denied"),
                _ => NotStarted(ProcessExitCodes.CannotExecute, $"{spec.FileName}: {ex.Message}"),
            };
        }

        var pid = process.Id;
        process.StandardInput.Close();

        using var stopPumps = new CancellationTokenSource();
        Task[] pumps =
        [
            Pump(process, process.StandardOutput, ProcessStream.StandardOutput, stdout, spec.OnOutput, stopPumps.Token),
            Pump(process, process.StandardError, ProcessStream.StandardError, stderr, spec.OnOutput, stopPumps.Token),
        ];

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (spec.Timeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        var (timedOut, cancelled) = (false, false);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancelled = cancellationToken.IsCancellationRequested;
            timedOut = !cancelled;
        }

        var duration = clock.Elapsed;
        await DrainAsync(pumps, stopPumps).ConfigureAwait(false);

        var exitCode = timedOut ? ProcessExitCodes.TimedOut : cancelled ? ProcessExitCodes.Cancelled : process.ExitCode;
        return new ProcessResult(exitCode, pid, startedAt, duration, timedOut, cancelled, null, stdout.Snapshot(), stderr.Snapshot());

        ProcessResult NotStarted(int code, string error) =>
            new(code, null, startedAt, clock.Elapsed, false, false, error, [], []);
    }

    private static void Validate(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(spec.FileName, nameof(spec));
        ArgumentNullException.ThrowIfNull(spec.Arguments, nameof(spec));
        ArgumentNullException.ThrowIfNull(spec.Environment, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.TailLines, nameof(spec));
        if (spec.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), timeout, "A timeout must be positive.");
        }
    }

    /// <summary>The start info every Obs child gets: redirected streams, the current span's TRACEPARENT, the spec's environment.</summary>
    internal static ProcessStartInfo CreateStartInfo(ProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (Activity.Current is { } current)
        {
            startInfo.Environment[W3CTraceContext.TraceparentVariable] = W3CTraceContext.Format(current.Context);
            // The inherited TRACESTATE belongs to another span's context: replace it, or drop it.
            startInfo.Environment[W3CTraceContext.TracestateVariable] = current.TraceStateString;
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static async Task Pump(
        Process process,
        StreamReader reader,
        ProcessStream stream,
        TailBuffer tail,
        Action<ProcessOutputLine>? onOutput,
        CancellationToken cancellationToken)
    {
        try
        {
            await OutputPump.RunAsync(reader, OnLine, MaxLineLength, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A pump that stops reading would leave the child blocked on a full pipe forever.
            KillTree(process);
            throw;
        }

        void OnLine(string line)
        {
            tail.Add(line);
            onOutput?.Invoke(new ProcessOutputLine(stream, line));
        }
    }

    private static async Task DrainAsync(Task[] pumps, CancellationTokenSource stopPumps)
    {
        var all = Task.WhenAll(pumps);
        try
        {
            await all.WaitAsync(s_drainGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await stopPumps.CancelAsync().ConfigureAwait(false);
            // The abandoned reads end when the process (and its pipes) is disposed; nobody awaits them.
            _ = all.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            if (Array.Find(pumps, static p => p.IsFaulted) is { } failed)
            {
                await failed.ConfigureAwait(false);
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
        catch (Win32Exception)
        {
            // Part of the tree could not be killed (gone or not ours); WaitForExit still ends with the child.
        }
    }
}
