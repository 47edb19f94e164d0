using System.Globalization;
using Obs.Testing;
using Obs.Testing.Otlp;

namespace Obs.Cli.Tests;

/// <summary><c>obs run</c> as a real process: exit codes, output, context propagation, export.</summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan SpanWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Run_ChildExitsNonZero_ObsExitsWithTheSameCode()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "sh", "-c", "exit 7"]);

        Assert.Equal(7, outcome.ExitCode);
    }

    [Fact]
    public async Task Run_ChildSucceeds_ExitsZeroAndStreamsStdoutAndStderrUnchanged()
    {
        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "none", "run", "--", "sh", "-c", "printf 'line one\\n  two\\ttabs\\n'; printf 'to stderr\\n' >&2"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("line one\n  two\ttabs\n", outcome.Stdout);
        Assert.Contains("to stderr\n", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingExecutable_Exits127WithOneLineMessage()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "no-such-command-obs-test"]);

        Assert.Equal(127, outcome.ExitCode);
        Assert.Contains("no-such-command-obs-test: command not found", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(outcome.Stdout);
    }

    [Fact]
    public async Task Run_ExportsClientSpanWithCliConventions_AndChildSeesItsTraceparent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "run", "--attr", "team=core", "--", "sh", "-c", "echo $TRACEPARENT; exit 3"]);

        Assert.Equal(3, outcome.ExitCode);
        var spans = await receiver.WaitForSpansAsync(1, SpanWait);
        var span = Assert.Single(spans);
        var traceparent = outcome.Stdout.Trim().Split('-');
        Assert.Equal(4, traceparent.Length);
        Assert.Equal(span.TraceId, traceparent[1]);
        Assert.Equal(span.SpanId, traceparent[2]);
        Assert.Equal("01", traceparent[3]);
        Assert.Null(span.ParentSpanId);
        Assert.Equal("sh", span.Name);
        Assert.Equal(3, span.Kind); // SPAN_KIND_CLIENT
        Assert.Equal("sh", span.Attributes["process.executable.name"]);
        Assert.Equal(3L, span.Attributes["process.exit.code"]);
        Assert.Equal("3", span.Attributes["error.type"]);
        Assert.IsType<long>(span.Attributes["process.pid"]);
        Assert.Equal("core", span.Attributes["team"]);
        Assert.Equal(2, span.StatusCode); // STATUS_CODE_ERROR
        Assert.Equal("obs", span.Resource["service.name"]);
        Assert.Contains($"trace {span.TraceId}", outcome.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// With no exporter obs run samples without the SDK's provider (UnexportedTracing): the child still gets the
    /// sampler's decision in its TRACEPARENT flags, in the caller's trace.
    /// </summary>
    [Theory]
    [InlineData("always_on", null, "01")]
    [InlineData("always_off", null, "00")]
    [InlineData("parentbased_always_on", "00", "00")]
    [InlineData("parentbased_always_on", "01", "01")]
    [InlineData("parentbased_always_off", null, "00")]
    public async Task Run_NoExporter_ChildSeesTheSamplersDecision(string sampler, string? parentFlags, string childFlags)
    {
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var environment = new Dictionary<string, string> { ["OTEL_TRACES_SAMPLER"] = sampler };
        if (parentFlags is not null)
        {
            environment["TRACEPARENT"] = $"00-{TraceId}-00f067aa0ba902b7-{parentFlags}";
        }

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "run", "--", "sh", "-c", "echo $TRACEPARENT"], environment);

        Assert.Equal(0, outcome.ExitCode);
        var traceparent = outcome.Stdout.Trim().Split('-');
        Assert.Equal(4, traceparent.Length);
        Assert.Equal(childFlags, traceparent[3]);
        Assert.NotEqual("00f067aa0ba902b7", traceparent[2]);
        if (parentFlags is not null)
        {
            Assert.Equal(TraceId, traceparent[1]);
        }

        Assert.Equal(childFlags == "01", outcome.Stderr.Contains("1 span recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TraceparentInEnvironment_SpanJoinsThatTrace()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string ParentId = "00f067aa0ba902b7";

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "otlp", "--protocol", "http/protobuf", "--endpoint", receiver.HttpEndpoint.ToString(), "run", "--name", "compile", "--", "true"],
            new Dictionary<string, string> { ["TRACEPARENT"] = $"00-{TraceId}-{ParentId}-01", ["TRACESTATE"] = "vendor=abc" });

        Assert.Equal(0, outcome.ExitCode);
        var span = Assert.Single(await receiver.WaitForSpansAsync(1, SpanWait));
        Assert.Equal("compile", span.Name);
        Assert.Equal(TraceId, span.TraceId);
        Assert.Equal(ParentId, span.ParentSpanId);
        Assert.Equal(OtlpTransport.Http, span.Transport);
        Assert.Equal(0L, span.Attributes["process.exit.code"]);
        Assert.False(span.Attributes.ContainsKey("error.type"));
    }

    [Fact]
    public async Task Run_SecretsInArguments_AreRedactedBeforeExport()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        await ObsProcess.RunAsync(
            ["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "run", "--", "sh", "-c", "true", "--password", "hunter2-secret", "https://bob:pa55w0rd@example.test/x"]);

        var span = Assert.Single(await receiver.WaitForSpansAsync(1, SpanWait));
        var args = Assert.IsType<object?[]>(span.Attributes["process.command_args"]);
        var joined = string.Join(' ', args);
        Assert.DoesNotContain("hunter2-secret", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55w0rd", joined, StringComparison.Ordinal);
        Assert.Contains("--password", joined, StringComparison.Ordinal);
        Assert.Contains("example.test", joined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CollectorUnreachable_KeepsExitCodeAndEndsWithinExportTimeout()
    {
        var port = LoopbackPorts.GetUnusedPort();
        const int ExportTimeoutMillis = 2000;

        var outcome = await ObsProcess.RunAsync(
            ["--exporter", "otlp", "--endpoint", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "run", "--", "sh", "-c", "exit 5"],
            new Dictionary<string, string> { ["OTEL_BSP_EXPORT_TIMEOUT"] = ExportTimeoutMillis.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(5, outcome.ExitCode);
        Assert.True(
            outcome.Elapsed < TimeSpan.FromMilliseconds(ExportTimeoutMillis + 1000),
            $"obs took {outcome.Elapsed.TotalMilliseconds:F0} ms with a dead collector; the bound is export timeout + 1 s");
    }

    [Fact]
    public async Task Run_TraceUrlTemplate_PrintsLinkToTheTrace()
    {
        var config = ObsProcess.WriteConfig("""
            tracing:
              service_name: "linked"
              trace_url_template: "http://localhost:16686/trace/{traceId}"
            """);

        var outcome = await ObsProcess.RunAsync(["--config", config, "--exporter", "none", "run", "--", "true"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"http://localhost:16686/trace/[0-9a-f]{32}", outcome.Stderr);
    }

    [Fact]
    public async Task Run_SdkDisabled_StillRunsAndPassesCallersTraceparentThrough()
    {
        const string Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        var outcome = await ObsProcess.RunAsync(
            ["run", "--", "sh", "-c", "echo $TRACEPARENT"],
            new Dictionary<string, string> { ["OTEL_SDK_DISABLED"] = "true", ["TRACEPARENT"] = Traceparent });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(Traceparent, outcome.Stdout.Trim());
    }
}
