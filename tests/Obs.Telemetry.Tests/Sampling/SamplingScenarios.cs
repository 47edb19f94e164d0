using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tests.Sampling;

/// <summary>Sampling parameters for root and child spans, and a counter of sampled decisions.</summary>
internal static class SamplingScenarios
{
    public static SamplingParameters Root(ActivityTraceId traceId) =>
        new(default, traceId, "root", ActivityKind.Internal);

    public static SamplingParameters Root() => Root(ActivityTraceId.CreateRandom());

    public static SamplingParameters ChildOf(bool parentSampled) =>
        new(
            new ActivityContext(
                ActivityTraceId.CreateRandom(),
                ActivitySpanId.CreateRandom(),
                parentSampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
                isRemote: true),
            ActivityTraceId.CreateRandom(),
            "child",
            ActivityKind.Internal);

    public static bool IsSampled(this Sampler sampler, in SamplingParameters parameters) =>
        sampler.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample;

    public static int CountSampledRoots(this Sampler sampler, int attempts)
    {
        var sampled = 0;
        for (var i = 0; i < attempts; i++)
        {
            if (sampler.IsSampled(Root()))
            {
                sampled++;
            }
        }

        return sampled;
    }
}
