using System.Diagnostics;
using System.Net;
using System.Text;
using Obs.Testing.Otlp;

namespace Obs.Cli.Tests.Serve;

/// <summary><c>obs serve</c> as a real process: keys, settings, start-up spans, propagation, graceful shutdown.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-serve-").FullName;

    [Fact]
    public async Task Serve_FirstStart_GeneratesAnOwnerOnlyKeyPrintedOnlyOnce()
    {
        string key;
        await using (var first = await ServeProcess.StartAsync(_directory))
        {
            key = first.GeneratedKey;
            Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
            Assert.Contains(key, first.Stderr, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, ".obs", "api-key")));
            }

            Assert.Equal(0, await first.TerminateAsync());
        }

        await using var second = await ServeProcess.StartAsync(_directory);
        Assert.DoesNotContain(key, second.Stderr, StringComparison.Ordinal);
        Assert.Equal(key, second.GeneratedKey);
        using var anonymous = second.CreateClient();
        using var keyed = second.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("trace-context")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("trace-context")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"trace-context?code={key}")).StatusCode);
    }

    [Fact]
    public async Task Serve_KeysFromEnvironmentAndConfig_AreAcceptedAndNoneIsGenerated()
    {
        var config = Path.Combine(_directory, "obs.yaml");
        await File.WriteAllTextAsync(config, "security:\n  api_keys: [from-config-key-1234]\n");

        await using var serve = await ServeProcess.StartAsync(_directory, ["--exporter", "none", "--config", config, "--service-name", "obs-serve-test"],
            environment: new Dictionary<string, string> { ["OBS_API_KEY"] = "from-env-key-5678" });

        using var fromEnvironment = serve.CreateClient("from-env-key-5678");
        using var fromConfig = serve.CreateClient("from-config-key-1234");
        using var wrong = serve.CreateClient("from-env-key-5679");
        Assert.Equal(HttpStatusCode.OK, (await fromEnvironment.GetAsync("trace-context")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fromConfig.GetAsync("trace-context")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("trace-context")).StatusCode);
        Assert.False(File.Exists(Path.Combine(_directory, ".obs", "api-key")));
        using var health = System.Text.Json.JsonDocument.Parse(await fromEnvironment.GetStringAsync("health"));
        Assert.Equal("obs-serve-test", health.RootElement.GetProperty("service").GetString());
        Assert.DoesNotContain("from-env-key-5678", serve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InvalidSettings_Exits2NamingEveryBadKey()
    {
        var config = Path.Combine(_directory, "obs.yaml");
        await File.WriteAllTextAsync(config, """
            serve:
              max_concurrent_activities: 0
              listen: nowhere
            security:
              working_root: /no/such/directory
              api_keys: [""]
            """);

        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "--config", config, "serve"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("serve.max_concurrent_activities", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("serve.listen", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("security.working_root", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("security.api_keys", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadUrl_Exits2()
    {
        var outcome = await ObsProcess.RunAsync(["--exporter", "none", "serve", "--urls", "ftp://127.0.0.1:21"], workingDirectory: _directory);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ftp://127.0.0.1:21", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StartUp_IsExportedAsStartupSpans()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using (var serve = await ServeProcess.StartAsync(_directory, OtlpArgs(receiver)))
        {
            // Readiness names the exporters in use, on every call.
            using var client = serve.CreateClient();
            for (var call = 0; call < 2; call++)
            {
                using var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
                var exporters = health.RootElement.GetProperty("checks").GetProperty("exporters");
                Assert.Equal(("configured", "Otlp"), (exporters.GetProperty("status").GetString(), exporters.GetProperty("detail").GetString()));
            }

            Assert.Equal(0, await serve.TerminateAsync());
        }

        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "startup.initialize"), TimeSpan.FromSeconds(10));
        var root = spans.Single(s => s.Name == "startup.initialize");
        Assert.Equal("serve", root.Attributes["startup.component"]);
        var phases = spans.Where(s => s.ParentSpanId == root.SpanId).OrderBy(s => s.StartUnixNano).Select(s => s.Name);
        Assert.Equal(["startup.config.load", "startup.dependencies.load", "startup.resources.initialize", "startup.health_checks"], phases);
    }

    [Fact]
    public async Task Serve_CollectorDown_BuildSpansAreSpooled_AndReplayDeliversThem_TheExitLineSaysSo()
    {
        var dead = Obs.Testing.LoopbackPorts.GetUnusedEndpoint().ToString();
        await using (var serve = await ServeProcess.StartAsync(_directory, ["--exporter", "otlp", "--endpoint", dead]))
        {
            using var client = serve.CreateClient();
            using var response = await client.PostAsync(
                $"build?wait=30&code={serve.GeneratedKey}",
                new StringContent("""{"steps":[{"name":"greet","type":"command","command":"echo hello"}],"analyze_dependencies":false}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, await serve.TerminateAsync());
            Assert.Contains("spooled", serve.Stderr, StringComparison.Ordinal);
        }

        await using var receiver = await OtlpReceiver.StartAsync();
        var replay = await ObsProcess.RunAsync(["--endpoint", receiver.GrpcEndpoint.ToString(), "replay"], workingDirectory: _directory);

        Assert.Equal(0, replay.ExitCode);
        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.Name == "build.execute"), TimeSpan.FromSeconds(10));
        Assert.Contains(spans, s => s.Name == "build.step.greet");
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, ".obs", "spool")));
    }

    [Fact]
    public async Task Serve_ClientTraceparent_ParentsServerOrchestrationAndStepSpans_AndTheKeyReachesNoSpan()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var serve = await ServeProcess.StartAsync(_directory, OtlpArgs(receiver));
        var key = serve.GeneratedKey;
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var clientSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var client = serve.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"build?wait=30&code={key}")
        {
            Content = new StringContent("""{"steps":[{"name":"greet","type":"command","command":"echo hello"}],"analyze_dependencies":false}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await serve.TerminateAsync());

        var spans = await receiver.WaitForSpansAsync(s => s.Any(x => x.TraceId == traceId && x.Name == "build.execute"), TimeSpan.FromSeconds(10));
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var server = trace.Single(s => s.Kind == 2);
        Assert.Equal(clientSpanId, server.ParentSpanId);
        Assert.Equal("POST", server.Attributes["http.method"]);
        Assert.Equal("POST", server.Attributes["http.request.method"]);
        Assert.Equal(200L, server.Attributes["http.status_code"]);
        Assert.EndsWith("/build", (string)server.Attributes["http.url"]!, StringComparison.Ordinal);
        var orchestration = trace.Single(s => s.Name == "build.execute");
        Assert.Equal(server.SpanId, orchestration.ParentSpanId);
        var step = trace.Single(s => s.Name == "build.step.greet");
        Assert.Equal(orchestration.SpanId, step.ParentSpanId);
        Assert.DoesNotContain(trace.SelectMany(s => s.Attributes.Values), v => v?.ToString()?.Contains(key, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Serve_Sigterm_StopsGracefully_AndTheNextStartResumesTheRunningBuild()
    {
        var environment = new Dictionary<string, string> { ["OBS_LEASE_SECONDS"] = "2" };
        string id;
        string key;
        await using (var first = await ServeProcess.StartAsync(_directory, environment: environment))
        {
            key = first.GeneratedKey;
            using var client = first.CreateClient(key);
            id = await InstancePolling.StartAsync(client, "build", """
                {"analyze_dependencies": false, "steps": [
                  {"name": "one", "type": "command", "command": "echo one >> log.txt"},
                  {"name": "two", "type": "command", "command": "echo started >> started.txt; sleep 2; echo two >> log.txt"}]}
                """);
            // Step two running means step one's result is recorded: stopping now must not run one again
            // (stopping while one's result is still in flight would, by design: activities are at-least-once).
            await WaitForFileLineAsync(Path.Combine(_directory, "started.txt"), "started");

            var clock = Stopwatch.StartNew();
            Assert.Equal(0, await first.TerminateAsync());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"shutdown took {clock.Elapsed}");
            Assert.Contains("stopping", first.Stderr, StringComparison.Ordinal);
        }

        await using var second = await ServeProcess.StartAsync(_directory, environment: environment);
        using var resumed = second.CreateClient(key);
        var status = await InstancePolling.WaitUntilFinishedAsync(resumed, id, TimeSpan.FromSeconds(30));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean());
        Assert.Equal(["one", "two"], await File.ReadAllLinesAsync(Path.Combine(_directory, "log.txt")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] OtlpArgs(OtlpReceiver receiver) =>
        ["--exporter", "otlp", "--endpoint", receiver.GrpcEndpoint.ToString(), "--protocol", "grpc"];

    private static async Task WaitForFileLineAsync(string path, string line)
    {
        for (var i = 0; i < 300; i++)
        {
            if (File.Exists(path) && (await File.ReadAllLinesAsync(path)).Contains(line))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} never got the line '{line}'.");
    }
}
