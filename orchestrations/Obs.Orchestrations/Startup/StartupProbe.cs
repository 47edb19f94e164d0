using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// Measures how long an external program takes to become ready: starts it under a
/// <c>startup.initialize</c> span, polls its readiness probes every <see cref="PollInterval"/> until
/// all pass, it exits, or the timeout runs out, and records what it saw as span events
/// (<c>process.spawned</c>, <c>process.first_output</c>, <c>log.matched</c>, <c>port.open</c>,
/// <c>health.ok</c>, <c>ready</c>) stamped with the moment each was observed. Then the program's
/// process tree is killed, unless it became ready and <see cref="StartupProbeRequest.KeepRunning"/> is set.
/// It is one live measurement, not an orchestration: replaying it would measure nothing.
/// </summary>
public static class StartupProbe
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // One probe attempt may not hold up the loop longer than this (or what is left of the timeout).
    private static readonly TimeSpan s_attemptLimit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(1);

    /// <summary>Probes <paramref name="request"/>'s program; a program that never gets ready is a result, not an exception.</summary>
    /// <exception cref="ArgumentException">The request is invalid (<see cref="StartupProbeRequest.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the program has been stopped.</exception>
    public static async Task<StartupProbeResult> RunAsync(StartupProbeRequest request, ActivitySource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var command = request.Command!;
        var probe = string.Join('+', request.Ready.Probes());
        using var span = source.StartActivity(SpanNames.StartupInitialize, ActivityKind.Internal, parentContext: default, tags:
        [
            new(AttributeKeys.Startup.Target, command.Display()),
            new(AttributeKeys.Startup.ReadyProbe, probe),
        ]);
        var spec = command.ToProcessSpec() with { WorkingDirectory = request.WorkingDirectory };
        var outputPath = request.KeepRunning && !OperatingSystem.IsWindows() ? request.OutputPath : null;
        if (outputPath is not null)
        {
            // exec keeps the program's pid; its output goes to the file, its stdin is /dev/null.
            File.AppendAllText(outputPath, string.Empty);
            spec = spec with { FileName = "sh", Arguments = ["-c", "exec \"$@\" >>\"$0\" 2>&1 </dev/null", outputPath, spec.FileName, .. spec.Arguments] };
        }

        var regex = request.Ready.LogRegex is { } pattern ? new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;

        var spawnedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var process = ProbedProcess.Start(spec, clock, regex, outputPath, out var startError);
        if (process is null)
        {
            span.SetError("start_error", startError);
            return new StartupProbeResult { TimeToReadyMs = clock.Elapsed.TotalMilliseconds, Error = "start_error: " + startError };
        }

        span?.SetTag(AttributeKeys.Process.Pid, process.Pid);
        span?.AddEvent(new ActivityEvent(AttributeKeys.StartupEvents.ProcessSpawned, spawnedAt, new ActivityTagsCollection { [AttributeKeys.Process.Pid] = process.Pid }));

        var watch = new ReadinessWatch(request, process, span, spawnedAt, clock);
        try
        {
            await watch.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await process.StopAsync(s_stopGrace).ConfigureAwait(false);
            span.SetError("cancelled", "The probe was cancelled.");
            throw;
        }

        return await FinishAsync(request, process, span, watch, clock).ConfigureAwait(false);
    }

    private static async Task<StartupProbeResult> FinishAsync(StartupProbeRequest request, ProbedProcess process, Activity? span, ReadinessWatch watch, Stopwatch clock)
    {
        var exitedByItself = process.HasExited;
        var keep = watch.Ready && request.KeepRunning && !exitedByItself;
        if (!keep && !exitedByItself)
        {
            await process.StopAsync(s_stopGrace).ConfigureAwait(false);
        }

        if (exitedByItself)
        {
            await process.DrainAsync(s_drainGrace).ConfigureAwait(false);
        }

        int? exitCode = exitedByItself ? process.ExitCode : null;
        var error = watch.Ready ? null
            : exitedByItself ? string.Create(CultureInfo.InvariantCulture, $"exited: the program exited with code {exitCode} before it was ready")
            : string.Create(CultureInfo.InvariantCulture, $"timeout: not ready after {request.TimeoutSeconds} s (probe {string.Join('+', request.Ready.Probes())})");
        var timeToReady = watch.ReadyAt ?? clock.Elapsed;
        if (span is not null)
        {
            span.SetTag(AttributeKeys.Startup.DurationMs, timeToReady.TotalMilliseconds);
            span.SetTag(AttributeKeys.Startup.TimeToFirstOutputMs, process.FirstOutput?.TotalMilliseconds);
            span.SetTag(AttributeKeys.Startup.TimeToPortOpenMs, watch.PortOpenAt?.TotalMilliseconds);
            span.SetTag(AttributeKeys.Process.ExitCode, exitCode);
            if (watch.Ready)
            {
                span.SetStatus(ActivityStatusCode.Ok);
            }
            else
            {
                span.SetError(exitedByItself ? "process_exited" : "timeout", error);
            }
        }

        return new StartupProbeResult
        {
            Ready = watch.Ready,
            TimeToReadyMs = timeToReady.TotalMilliseconds,
            TimeToFirstOutputMs = process.FirstOutput?.TotalMilliseconds,
            TimeToPortOpenMs = watch.PortOpenAt?.TotalMilliseconds,
            ExitCodeIfExited = exitCode,
            Pid = process.Pid,
            StillRunning = keep,
            Error = error,
            OutputTail = watch.Ready ? null : process.Tail,
        };
    }

    /// <summary>The polling loop and what it has seen so far; events go on the span from this one thread.</summary>
    private sealed class ReadinessWatch(StartupProbeRequest request, ProbedProcess process, Activity? span, DateTimeOffset spawnedAt, Stopwatch clock)
    {
        private readonly StartupReadiness _ready = request.Ready;
        private readonly TimeSpan _timeout = TimeSpan.FromSeconds(request.TimeoutSeconds);
        private bool _firstOutputSeen;
        private bool _logOk = request.Ready.LogRegex is null;
        private bool _portOk = request.Ready.Port is null;
        private bool _urlOk = request.Ready.Url is null;

        public bool Ready => ReadyAt is not null;

        public TimeSpan? ReadyAt { get; private set; }

        public TimeSpan? PortOpenAt { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var http = _ready.Url is null ? null : new HttpClient();
            while (true)
            {
                // Read exit first: output read before it is complete enough to judge the log probe.
                var exited = process.HasExited;
                if (exited)
                {
                    await process.DrainAsync(s_drainGrace).ConfigureAwait(false);
                }

                ObserveOutput();
                if (!_portOk && await PortOpenAsync(_ready.Port!.Value, cancellationToken).ConfigureAwait(false))
                {
                    _portOk = true;
                    PortOpenAt = clock.Elapsed;
                    Event(AttributeKeys.StartupEvents.PortOpen, PortOpenAt.Value, AttributeKeys.Startup.ReadyProbe, StartupProbeKinds.Port);
                }

                if (!_urlOk && await HealthStatusAsync(http!, _ready.Url!, cancellationToken).ConfigureAwait(false) is { } status)
                {
                    _urlOk = true;
                    Event(AttributeKeys.StartupEvents.HealthOk, clock.Elapsed, AttributeKeys.Http.ResponseStatusCode, status);
                }

                if (_logOk && _portOk && _urlOk)
                {
                    ReadyAt = clock.Elapsed;
                    Event(AttributeKeys.StartupEvents.Ready, ReadyAt.Value, AttributeKeys.Startup.DurationMs, ReadyAt.Value.TotalMilliseconds);
                    return;
                }

                if (exited)
                {
                    Event(AttributeKeys.StartupEvents.Exited, clock.Elapsed, AttributeKeys.Process.ExitCode, process.ExitCode);
                    return;
                }

                var left = _timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private void ObserveOutput()
        {
            if (!_firstOutputSeen && process.FirstOutput is { } first)
            {
                _firstOutputSeen = true;
                Event(AttributeKeys.StartupEvents.FirstOutput, first, AttributeKeys.Startup.TimeToFirstOutputMs, first.TotalMilliseconds);
            }

            if (!_logOk && process.LogMatched is { } matched)
            {
                _logOk = true;
                Event(AttributeKeys.StartupEvents.LogMatched, matched, AttributeKeys.Startup.ReadyProbe, StartupProbeKinds.Log);
            }
        }

        private async Task<bool> PortOpenAsync(int port, CancellationToken cancellationToken)
        {
            using var attempt = Attempt(cancellationToken);
            using var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>The 2xx status <paramref name="url"/> answered with, or null.</summary>
        private async Task<int?> HealthStatusAsync(HttpClient http, string url, CancellationToken cancellationToken)
        {
            using var attempt = Attempt(cancellationToken);
            try
            {
                using var response = await http.GetAsync(new Uri(url, UriKind.Absolute), HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                return response.IsSuccessStatusCode ? (int)response.StatusCode : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        private CancellationTokenSource Attempt(CancellationToken cancellationToken)
        {
            var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var left = _timeout - clock.Elapsed;
            attempt.CancelAfter(left < s_attemptLimit ? (left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1)) : s_attemptLimit);
            return attempt;
        }

        private void Event(string name, TimeSpan sinceSpawn, string key, object value) =>
            span?.AddEvent(new ActivityEvent(name, spawnedAt + sinceSpawn, new ActivityTagsCollection { [key] = value }));
    }
}
