using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Telemetry.Catalog;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Tests.Build;

/// <summary>
/// Collects ended spans of the Obs sources through a real tracer provider. Sources are process-wide
/// and tests run in parallel, so callers filter by the trace id of their own root span.
/// </summary>
internal sealed class BuildSpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly TracerProvider _provider;

    public BuildSpanCollector()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. ObsActivitySources.AllNames])
            .AddSource(TestSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collect(_ended))
            .Build()!;
    }

    public static ActivitySource TestSource { get; } = new("Obs.Orchestrations.Tests.Build", "1.0.0");

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _ended.Where(a => a.TraceId == traceId)];

    public void Dispose() => _provider.Dispose();

    private sealed class Collect(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
