using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using Obs.Telemetry.Sampling;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Tracing for a short-lived host with no exporter configured: spans are sampled by the configured sampler
/// exactly as the SDK's tracer provider samples them (same <see cref="SamplingDecision"/> mapping, same
/// trace state, so a child handed <c>TRACEPARENT</c> sees the same flags) and counted on the
/// <see cref="ExportLedger"/> when they end, without building the SDK's provider — which nothing would
/// export from, and which is about a third of <c>obs run</c>'s start-up (docs/PERFORMANCE.md).
/// </summary>
public sealed class UnexportedTracing : IDisposable
{
    private readonly ActivityListener _listener;

    /// <summary>Listens to every Obs source (<see cref="ObsActivitySources.AllNames"/>) until disposed.</summary>
    public UnexportedTracing(SamplingOptions sampling, ExportLedger ledger)
        : this(sampling, ledger, ObsActivitySources.AllNames)
    {
    }

    /// <summary>Listens to <paramref name="sourceNames"/> (a test's own source).</summary>
    internal UnexportedTracing(SamplingOptions sampling, ExportLedger ledger, IEnumerable<string> sourceNames)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentNullException.ThrowIfNull(ledger);
        var sampler = ObsSamplerFactory.Create(sampling);
        var sources = sourceNames.ToHashSet(StringComparer.Ordinal);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = sampler is AlwaysOffSampler ? PropagateOrIgnore : (ref ActivityCreationOptions<ActivityContext> options) => Decide(sampler, ref options),
            ActivityStopped = span =>
            {
                if (span.Recorded)
                {
                    ledger.SpanRecorded();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

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
