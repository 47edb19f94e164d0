using System.Diagnostics;
using System.Globalization;
using Obs.Orchestrations.Startup;
using Obs.Telemetry.Catalog;
using Obs.Testing;

namespace Obs.Orchestrations.Tests.Startup;

/// <summary>Start-up probes of real programs on loopback: each probe kind, timeout, early exit, and the clean-up after.</summary>
public sealed class StartupProbeTests
{
    [Fact]
    public async Task Run_ReadyLog_RecordsEventsInOrderAndKillsTheTree()
    {
        using var trace = new ProbeTrace();
        var request = new StartupProbeRequest
        {
            Command = StartupCommand.Shell("echo \"$TRACEPARENT\" > tp.txt; sleep 30 & echo $! > child.pid; sleep 0.3; echo READY; wait"),
            Ready = new StartupReadiness { LogRegex = "^READY$" },
            TimeoutSeconds = 20,
            WorkingDirectory = trace.Directory,
        };

        var result = await StartupProbe.RunAsync(request, trace.Source);

        Assert.True(result.Ready, result.Error);
        Assert.Null(result.Error);
        Assert.InRange(result.TimeToReadyMs, 250, 15000);
        Assert.NotNull(result.TimeToFirstOutputMs);
        Assert.True(result.TimeToFirstOutputMs <= result.TimeToReadyMs);
        Assert.Null(result.ExitCodeIfExited);
        Assert.False(result.StillRunning);

        var span = Assert.Single(trace.Ended, a => a.DisplayName == SpanNames.StartupInitialize);
        Assert.Equal(request.Command.Display(), span.GetTagItem(AttributeKeys.Startup.Target));
        Assert.Equal("log", span.GetTagItem(AttributeKeys.Startup.ReadyProbe));
        Assert.Equal(result.Pid, span.GetTagItem(AttributeKeys.Process.Pid));
        Assert.Equal(result.TimeToReadyMs, span.GetTagItem(AttributeKeys.Startup.DurationMs));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal(
            [AttributeKeys.StartupEvents.ProcessSpawned, AttributeKeys.StartupEvents.FirstOutput, AttributeKeys.StartupEvents.LogMatched, AttributeKeys.StartupEvents.Ready],
            span.Events.Select(e => e.Name));
        Assert.Equal(result.Pid, span.Events.First().Tags.Single(t => t.Key == AttributeKeys.Process.Pid).Value);
        Assert.True(span.Events.Zip(span.Events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));

        Assert.Equal($"00-{span.TraceId}-{span.SpanId}-01", (await File.ReadAllTextAsync(trace.PathOf("tp.txt"))).Trim());
        Assert.True(await ProbeTrace.IsGoneAsync(result.Pid!.Value), "the program is still running");
        var child = int.Parse((await File.ReadAllTextAsync(trace.PathOf("child.pid"))).Trim(), CultureInfo.InvariantCulture);
        Assert.True(await ProbeTrace.IsGoneAsync(child), "the program's child is still running");
    }

    [Fact]
    public async Task Run_ReadyPort_RecordsPortOpen()
    {
        using var trace = new ProbeTrace();
        var port = LoopbackPorts.GetUnusedPort();
        var listener = string.Create(CultureInfo.InvariantCulture, $"""
            import socket, time
            time.sleep(0.3)
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", {port}))
            s.listen(16)
            time.sleep(30)
            """);

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest { Command = StartupCommand.FromArguments("python3", "-c", listener), Ready = new StartupReadiness { Port = port }, TimeoutSeconds = 20 },
            trace.Source);

        Assert.True(result.Ready, $"{result.Error}: {string.Join('\n', result.OutputTail ?? [])}");
        Assert.NotNull(result.TimeToPortOpenMs);
        Assert.InRange(result.TimeToPortOpenMs.Value, 250, result.TimeToReadyMs);
        Assert.Null(result.TimeToFirstOutputMs);
        var span = Assert.Single(trace.Ended, a => a.DisplayName == SpanNames.StartupInitialize);
        Assert.Equal("port", span.GetTagItem(AttributeKeys.Startup.ReadyProbe));
        Assert.Equal(result.TimeToPortOpenMs, span.GetTagItem(AttributeKeys.Startup.TimeToPortOpenMs));
        Assert.Contains(span.Events, e => e.Name == AttributeKeys.StartupEvents.PortOpen);
        Assert.Equal(AttributeKeys.StartupEvents.Ready, span.Events.Last().Name);
        Assert.True(await ProbeTrace.IsGoneAsync(result.Pid!.Value));
    }

    [Fact]
    public async Task Run_ReadyUrl_RecordsHealthOkWithStatus()
    {
        using var trace = new ProbeTrace();
        var port = LoopbackPorts.GetUnusedPort();
        var portText = port.ToString(CultureInfo.InvariantCulture);

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest
            {
                Command = StartupCommand.FromArguments("python3", "-m", "http.server", portText, "--bind", "127.0.0.1"),
                Ready = new StartupReadiness { Url = $"http://127.0.0.1:{portText}/", Port = port },
                TimeoutSeconds = 30,
                WorkingDirectory = trace.Directory,
            },
            trace.Source);

        Assert.True(result.Ready, $"{result.Error}: {string.Join('\n', result.OutputTail ?? [])}");
        Assert.NotNull(result.TimeToPortOpenMs);
        var span = Assert.Single(trace.Ended, a => a.DisplayName == SpanNames.StartupInitialize);
        Assert.Equal("port+url", span.GetTagItem(AttributeKeys.Startup.ReadyProbe));
        var health = Assert.Single(span.Events, e => e.Name == AttributeKeys.StartupEvents.HealthOk);
        Assert.Equal(200, health.Tags.Single(t => t.Key == AttributeKeys.Http.ResponseStatusCode).Value);
        Assert.True(await ProbeTrace.IsGoneAsync(result.Pid!.Value));
    }

    [Fact]
    public async Task Run_NeverReady_TimesOutWithErrorStatusAndKillsTheProgram()
    {
        using var trace = new ProbeTrace();
        var clock = Stopwatch.StartNew();

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest { Command = StartupCommand.Shell("echo starting; exec sleep 30"), Ready = new StartupReadiness { LogRegex = "READY" }, TimeoutSeconds = 0.5 },
            trace.Source);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 10);
        Assert.False(result.Ready);
        Assert.StartsWith("timeout", result.Error, StringComparison.Ordinal);
        Assert.InRange(result.TimeToReadyMs, 500, 10000);
        Assert.Null(result.ExitCodeIfExited);
        Assert.Equal(["starting"], result.OutputTail);
        var span = Assert.Single(trace.Ended, a => a.DisplayName == SpanNames.StartupInitialize);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("timeout", span.GetTagItem(AttributeKeys.Error.Type));
        Assert.DoesNotContain(span.Events, e => e.Name == AttributeKeys.StartupEvents.Ready);
        Assert.True(await ProbeTrace.IsGoneAsync(result.Pid!.Value));
    }

    [Fact]
    public async Task Run_ExitsBeforeReady_NotReadyWithExitCodeAndOutputTail()
    {
        using var trace = new ProbeTrace();

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest { Command = StartupCommand.Shell("echo loading; echo 'config missing' >&2; exit 3"), Ready = new StartupReadiness { LogRegex = "READY" }, TimeoutSeconds = 20 },
            trace.Source);

        Assert.False(result.Ready);
        Assert.Equal(3, result.ExitCodeIfExited);
        Assert.StartsWith("exited", result.Error, StringComparison.Ordinal);
        Assert.Contains("loading", result.OutputTail!);
        Assert.Contains("config missing", result.OutputTail!);
        Assert.True(result.TimeToReadyMs < 15000);
        var span = Assert.Single(trace.Ended, a => a.DisplayName == SpanNames.StartupInitialize);
        Assert.Equal("process_exited", span.GetTagItem(AttributeKeys.Error.Type));
        Assert.Equal(3, span.GetTagItem(AttributeKeys.Process.ExitCode));
        Assert.Contains(span.Events, e => e.Name == AttributeKeys.StartupEvents.Exited);
    }

    [Fact]
    public async Task Run_ProgramNotFound_StartError()
    {
        using var trace = new ProbeTrace();

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest { Command = StartupCommand.FromArguments("/nonexistent/obs-no-such-program"), Ready = new StartupReadiness { Port = 1 } },
            trace.Source);

        Assert.False(result.Ready);
        Assert.Null(result.Pid);
        Assert.StartsWith("start_error", result.Error, StringComparison.Ordinal);
        Assert.Equal("start_error", Assert.Single(trace.Ended).GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task Run_KeepRunning_LeavesTheReadyProgramAlive()
    {
        using var trace = new ProbeTrace();

        var result = await StartupProbe.RunAsync(
            new StartupProbeRequest { Command = StartupCommand.Shell("echo READY; exec sleep 30"), Ready = new StartupReadiness { LogRegex = "READY" }, KeepRunning = true },
            trace.Source);

        var pid = result.Pid!.Value;
        try
        {
            Assert.True(result.Ready);
            Assert.True(result.StillRunning);
            Assert.True(ProbeTrace.IsAlive(pid));
        }
        finally
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_Cancelled_StopsTheProgramAndThrows()
    {
        using var trace = new ProbeTrace();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var request = new StartupProbeRequest
        {
            Command = StartupCommand.Shell("echo $$ > pid.txt; exec sleep 30"),
            Ready = new StartupReadiness { LogRegex = "READY" },
            WorkingDirectory = trace.Directory,
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StartupProbe.RunAsync(request, trace.Source, cancel.Token));

        var pid = int.Parse((await File.ReadAllTextAsync(trace.PathOf("pid.txt"))).Trim(), CultureInfo.InvariantCulture);
        Assert.True(await ProbeTrace.IsGoneAsync(pid));
        Assert.Equal("cancelled", Assert.Single(trace.Ended).GetTagItem(AttributeKeys.Error.Type));
    }

    [Fact]
    public async Task Run_InvalidRequest_Throws()
    {
        using var trace = new ProbeTrace();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartupProbe.RunAsync(new StartupProbeRequest { Command = StartupCommand.Shell("true") }, trace.Source));

        Assert.Contains("ready", error.Message, StringComparison.Ordinal);
        Assert.Empty(trace.Ended);
    }
}
