using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Telemetry.Catalog;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Testing.Tracing;

/// <summary>
/// Collects ended spans of every Obs source (and <see cref="CallerSource"/>) through a real tracer
/// provider. Sources are process-wide and tests run in parallel, so callers start a root span on
/// <see cref="CallerSource"/> and filter by its trace id.
/// </summary>
public sealed class ObsSpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly TracerProvider _provider;

    public ObsSpanCollector()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. ObsActivitySources.AllNames])
            .AddSource(CallerSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collect(_ended))
            .Build()!;
    }

    /// <summary>Where tests start the root span the work under test becomes a child of.</summary>
    public static ActivitySource CallerSource { get; } = new("Obs.Testing.Caller", "1.0.0");

    /// <summary>The ended spans of one trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _ended.Where(a => a.TraceId == traceId)];

    public void Dispose() => _provider.Dispose();

    private sealed class Collect(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Enqueue(data);
    }
}
