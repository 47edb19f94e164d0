namespace Obs.Telemetry.Configuration;

/// <summary><c>tracing.sampling</c>: which spans are recorded.</summary>
public sealed class SamplingOptions
{
    /// <summary><c>type</c>; <c>OTEL_TRACES_SAMPLER</c>.</summary>
    public SamplerType Type { get; set; } = SamplerType.ParentBasedTraceIdRatio;

    /// <summary><c>rate</c>, 0..1, for ratio samplers; <c>OTEL_TRACES_SAMPLER_ARG</c>; <c>--sampling-rate</c>.</summary>
    public double Rate { get; set; } = 1.0;

    /// <summary><c>max_traces_per_second</c>, for <see cref="SamplerType.Adaptive"/>.</summary>
    public double MaxTracesPerSecond { get; set; } = 100;
}

/// <summary>
/// Sampler kinds: the original design's <c>always_on</c>, <c>always_off</c>, <c>probabilistic</c>
/// (= parent-based trace-id ratio) and <c>adaptive</c>, plus every <c>OTEL_TRACES_SAMPLER</c> value Obs supports.
/// </summary>
public enum SamplerType
{
    AlwaysOn,
    AlwaysOff,
    TraceIdRatio,
    ParentBasedAlwaysOn,
    ParentBasedAlwaysOff,
    ParentBasedTraceIdRatio,
    Adaptive,
}
