using System.Diagnostics;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Sampling;
using Obs.Telemetry.Tracing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Tracing;

/// <summary>
/// With no exporter the CLI samples without the SDK's provider: every sampler, with no parent and with a
/// remote parent sampled or not, decides exactly what the SDK's tracer provider decides — whether there is a
/// span, whether it is recorded, its trace flags and trace state — and ended recorded spans are counted.
/// </summary>
public sealed class UnexportedTracingTests
{
    private static readonly ActivityTraceId TraceId = ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736");

    public static TheoryData<SamplerType, double> Samplers => new()
    {
        { SamplerType.AlwaysOn, 1 },
        { SamplerType.AlwaysOff, 1 },
        { SamplerType.TraceIdRatio, 0 },
        { SamplerType.TraceIdRatio, 0.5 },
        { SamplerType.TraceIdRatio, 0.01 },
        { SamplerType.ParentBasedAlwaysOn, 1 },
        { SamplerType.ParentBasedAlwaysOff, 1 },
        { SamplerType.ParentBasedTraceIdRatio, 0 },
        { SamplerType.ParentBasedTraceIdRatio, 0.5 },
        { SamplerType.ParentBasedTraceIdRatio, 0.01 },
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Decides_as_the_SDK_does(SamplerType type, double rate)
    {
        var sampling = new SamplingOptions { Type = type, Rate = rate };
        // A root's trace id is random, so a ratio between 0 and 1 is compared on remote parents' fixed trace id.
        ActivityContext[] parents =
        [
            .. rate is 0 or 1 ? [default(ActivityContext)] : Array.Empty<ActivityContext>(),
            new(TraceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=1", isRemote: true),
            new(TraceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, "vendor=2", isRemote: true),
        ];

        foreach (var parent in parents)
        {
            var sdk = Outcome(parent, source =>
                Sdk.CreateTracerProviderBuilder().AddSource(source).SetSampler(ObsSamplerFactory.Create(sampling)).Build()!);
            var unexported = Outcome(parent, source => new UnexportedTracing(sampling, new ExportLedger(), [source]));

            Assert.Equal(sdk, unexported);
        }
    }

    [Fact]
    public void Counts_recorded_spans_when_they_end()
    {
        var source = new ActivitySource("obs-unexported-count-" + Guid.NewGuid().ToString("N"));
        var ledger = new ExportLedger();
        using (new UnexportedTracing(new SamplingOptions { Type = SamplerType.AlwaysOn }, ledger, [source.Name]))
        {
            using (source.StartActivity("first"))
            {
                Assert.Equal(0, ledger.Recorded);
            }

            using (source.StartActivity("second"))
            {
            }
        }

        using (source.StartActivity("after"))
        {
        }

        Assert.Equal(2, ledger.Recorded);
        Assert.Empty(ledger.Report().Exporters);
    }

    /// <summary>What a root span (under <paramref name="parent"/>) looks like with <paramref name="listen"/> listening to a fresh source.</summary>
    private static (bool Created, bool Recorded, bool AllData, string? TraceState, ActivityTraceFlags Flags, bool SameTrace) Outcome(ActivityContext parent, Func<string, IDisposable> listen)
    {
        using var source = new ActivitySource("obs-unexported-" + Guid.NewGuid().ToString("N"));
        using var listener = listen(source.Name);
        using var span = source.StartActivity("step", ActivityKind.Internal, parent);
        return span is null
            ? (false, false, false, null, ActivityTraceFlags.None, false)
            : (true, span.Recorded, span.IsAllDataRequested, span.TraceStateString, span.ActivityTraceFlags, parent == default || span.TraceId == parent.TraceId);
    }
}
