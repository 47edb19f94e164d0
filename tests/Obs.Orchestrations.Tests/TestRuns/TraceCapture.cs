using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>
/// A private ActivitySource and an in-memory exporter listening only to it, so parallel tests never
/// see each other's spans.
/// </summary>
internal sealed class TraceCapture : IDisposable
{
    private readonly TracerProvider _provider;

    public TraceCapture()
    {
        Source = new ActivitySource($"Obs.Orchestrations.Tests.TestRuns.{Guid.NewGuid():N}", "1.0.0");
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(Source.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(Spans)
            .Build()!;
    }

    public ActivitySource Source { get; }

    public List<Activity> Spans { get; } = [];

    /// <summary>A remote-looking parent, as a <c>test.suite.execute</c> span id passed to an activity would be.</summary>
    public static ActivityContext NewParent() =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    public List<Activity> Named(string prefix) => [.. Spans.Where(s => s.DisplayName.StartsWith(prefix, StringComparison.Ordinal))];

    public void Dispose()
    {
        _provider.Dispose();
        Source.Dispose();
    }
}
