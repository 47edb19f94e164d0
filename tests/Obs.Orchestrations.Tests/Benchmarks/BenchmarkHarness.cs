using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Local.Engine;
using Obs.Telemetry.Catalog;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Tests.Benchmarks;

/// <summary>
/// A started local engine (temp SQLite file) with the benchmark orchestration registered, and a
/// tracer provider collecting the Obs sources' spans; runs start under a caller span so each test
/// reads only its own trace. Disposing stops both and deletes the folder.
/// </summary>
internal sealed class BenchmarkHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    public static readonly ActivitySource TestSource = new("Obs.Orchestrations.Tests.Benchmarks", "1.0.0");

    private readonly string _root;
    private readonly OrchestrationRegistry _registry;
    private readonly LocalOrchestrationEngine _engine;
    private readonly TracerProvider _provider;
    private readonly ConcurrentQueue<Activity> _ended;

    private BenchmarkHarness(string root, OrchestrationRegistry registry, LocalOrchestrationEngine engine, TracerProvider provider, ConcurrentQueue<Activity> ended)
    {
        _root = root;
        _registry = registry;
        _engine = engine;
        _provider = provider;
        _ended = ended;
    }

    public static async Task<BenchmarkHarness> StartAsync()
    {
        var ended = new ConcurrentQueue<Activity>();
        var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. ObsActivitySources.AllNames])
            .AddSource(TestSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collect(ended))
            .Build()!;
        var root = Directory.CreateTempSubdirectory("obs-bench-").FullName;
        var registry = BenchmarkOrchestration.Register(new OrchestrationRegistry());
        var engine = new LocalOrchestrationEngine(registry, new LocalEngineOptions { DatabasePath = Path.Combine(root, "state.db") });
        await engine.StartAsync();
        return new BenchmarkHarness(root, registry, engine, provider, ended);
    }

    /// <summary>Runs <paramref name="request"/> to completion; returns its result and the spans of its trace.</summary>
    public async Task<(BenchmarkResult Result, IReadOnlyList<Activity> Spans)> RunAsync(BenchmarkRequest request)
    {
        ActivityTraceId traceId;
        string id;
        using (var caller = TestSource.StartActivity("caller"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            id = await _engine.Client.ScheduleNewOrchestrationInstanceAsync(BenchmarkOrchestration.Name, request);
        }

        using var timeout = new CancellationTokenSource(Patience);
        var instance = await _engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        var result = Assert.IsType<BenchmarkResult>(_registry.Serializer.Deserialize<BenchmarkResult>(instance.SerializedOutput));

        // The orchestration span is emitted when the instance completes; give the exporter path a moment.
        var spans = await WaitForAsync(traceId, SpanNames.BenchmarkPerformanceTest);
        return (result, spans);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _provider.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, string spanName)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var spans = _ended.Where(a => a.TraceId == traceId).ToList();
            if (spans.Any(s => s.DisplayName == spanName) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    private sealed class Collect(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
