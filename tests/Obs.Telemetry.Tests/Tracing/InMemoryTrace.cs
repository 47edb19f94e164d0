using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Tracing;

/// <summary>
/// A tracer provider that keeps finished spans in memory, listening to a source of its own:
/// listeners are process-wide, so a shared catalog source would mix in other tests' spans.
/// </summary>
internal sealed class InMemoryTrace : IDisposable
{
    private readonly TracerProvider _provider;

    public InMemoryTrace()
    {
        Source = new ActivitySource("Obs.Tests.Tracing." + Guid.NewGuid().ToString("N"), "1.0.0");
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(Source.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(Exported)
            .Build();
    }

    public ActivitySource Source { get; }

    /// <summary>Spans in the order they ended.</summary>
    public List<Activity> Exported { get; } = [];

    public Activity Single(string name) => Assert.Single(Exported, a => a.DisplayName == name);

    public void Dispose()
    {
        _provider.Dispose();
        Source.Dispose();
    }
}
