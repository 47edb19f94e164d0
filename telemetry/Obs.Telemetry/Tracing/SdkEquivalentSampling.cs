using System.Diagnostics;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Sampling;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// An <see cref="ActivityListener"/> that samples exactly as the SDK's tracer provider samples — the configured
/// sampler, the same <see cref="SamplingDecision"/> mapping, the same trace state, so a child handed
/// <c>TRACEPARENT</c> sees the same flags — for hosts that record spans without building that provider
/// (<see cref="UnexportedTracing"/>, <see cref="DirectOtlpTracing"/>).
/// </summary>
internal static class SdkEquivalentSampling
{
    /// <summary>Listens to <paramref name="sourceNames"/>; <paramref name="stopped"/> gets every span that ends.</summary>
    public static ActivityListener Listen(SamplingOptions sampling, IEnumerable<string> sourceNames, Action<Activity> stopped)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentNullException.ThrowIfNull(sourceNames);
        ArgumentNullException.ThrowIfNull(stopped);
        var sampler = ObsSamplerFactory.Create(sampling);
        var sources = sourceNames.ToHashSet(StringComparer.Ordinal);
        var listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = sampler is AlwaysOffSampler ? PropagateOrIgnore : (ref ActivityCreationOptions<ActivityContext> options) => Decide(sampler, ref options),
            ActivityStopped = stopped,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>The SDK's mapping: record-and-sample records, record-only records unsampled, drop only propagates.</summary>
    private static ActivitySamplingResult Decide(Sampler sampler, ref ActivityCreationOptions<ActivityContext> options)
    {
        var result = sampler.ShouldSample(new SamplingParameters(options.Parent, options.TraceId, options.Name, options.Kind, options.Tags, options.Links));
        var decision = result.Decision switch
        {
            SamplingDecision.RecordAndSample => ActivitySamplingResult.AllDataAndRecorded,
            SamplingDecision.RecordOnly => ActivitySamplingResult.AllData,
            _ => ActivitySamplingResult.PropagationData,
        };
        if (decision != ActivitySamplingResult.PropagationData)
        {
            foreach (var attribute in result.Attributes)
            {
                options.SamplingTags.Add(attribute.Key, attribute.Value);
            }
        }

        if (result.TraceStateString is { } traceState)
        {
            options = options with { TraceState = traceState };
        }

        return decision;
    }

    /// <summary>The SDK's always-off: a root or remote-parented span keeps its trace id for propagation; a local child is not created.</summary>
    private static ActivitySamplingResult PropagateOrIgnore(ref ActivityCreationOptions<ActivityContext> options) =>
        options.Parent.TraceId == default || options.Parent.IsRemote ? ActivitySamplingResult.PropagationData : ActivitySamplingResult.None;
}
