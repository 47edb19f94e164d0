using Obs.Telemetry.Configuration;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Sampling;

/// <summary>Builds the OpenTelemetry <see cref="Sampler"/> that <c>tracing.sampling</c> asks for.</summary>
public static class ObsSamplerFactory
{
    /// <summary>
    /// Maps <see cref="SamplingOptions.Type"/>: <c>AlwaysOn</c>, <c>AlwaysOff</c>, <c>TraceIdRatio</c> (with
    /// <see cref="SamplingOptions.Rate"/>), their <c>ParentBased*</c> forms (<c>ParentBasedTraceIdRatio</c> is the
    /// original design's <c>probabilistic</c>), and <c>Adaptive</c> = parent-based <see cref="AdaptiveSampler"/> with
    /// <see cref="SamplingOptions.MaxTracesPerSecond"/>.
    /// </summary>
    /// <param name="options">The sampling options.</param>
    /// <param name="timeProvider">The adaptive sampler's clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 0..1, the maximum is not positive, or the type is unknown.</exception>
    public static Sampler Create(SamplingOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Type switch
        {
            SamplerType.AlwaysOn => new AlwaysOnSampler(),
            SamplerType.AlwaysOff => new AlwaysOffSampler(),
            SamplerType.TraceIdRatio => new TraceIdRatioBasedSampler(options.Rate),
            SamplerType.ParentBasedAlwaysOn => new ParentBasedSampler(new AlwaysOnSampler()),
            SamplerType.ParentBasedAlwaysOff => new ParentBasedSampler(new AlwaysOffSampler()),
            SamplerType.ParentBasedTraceIdRatio => new ParentBasedSampler(new TraceIdRatioBasedSampler(options.Rate)),
            SamplerType.Adaptive => new ParentBasedSampler(new AdaptiveSampler(options.MaxTracesPerSecond, timeProvider)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Type, "Unknown tracing.sampling.type."),
        };
    }
}
