using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Telemetry.Catalog;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// Collects ended spans of the Obs sources through a real tracer provider. Sources are process-wide
/// and tests run in parallel, so callers filter by the trace id of their own root span.
/// </summary>
internal sealed class OrchestrationSpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly TracerProvider _provider;

    public OrchestrationSpanCollector()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. ObsActivitySources.AllNames])
            .AddSource(CallerSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collect(_ended))
            .Build()!;
    }

    /// <summary>Where tests start the root span the orchestration becomes a child of.</summary>
    public static ActivitySource CallerSource { get; } = new("Obs.Orchestrations.Tests.TestRuns.Orchestration", "1.0.0");

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _ended.Where(a => a.TraceId == traceId)];

    public void Dispose() => _provider.Dispose();

    private sealed class Collect(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
