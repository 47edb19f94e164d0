using System.Globalization;
using OpenTelemetry.Trace;

namespace Obs.Telemetry.Sampling;

/// <summary>
/// The original design's <c>adaptive</c> sampler: records at most <c>maxTracesPerSecond</c> new traces per second.
/// A token bucket holding up to <c>max(1, maxTracesPerSecond)</c> tokens, refilled continuously at
/// <c>maxTracesPerSecond</c> per second; a trace that finds a token is sampled, the rest are dropped.
/// Wrap it in <see cref="ParentBasedSampler"/> so only root spans spend tokens (<see cref="ObsSamplerFactory"/> does).
/// </summary>
/// <remarks>Thread-safe. Time comes from the injected <see cref="TimeProvider"/>, so tests can drive the clock.</remarks>
public sealed class AdaptiveSampler : Sampler
{
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _tracesPerSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _refilledAt;

    /// <summary>Creates a sampler whose bucket starts full, so a burst of <c>max(1, maxTracesPerSecond)</c> is sampled at once.</summary>
    /// <param name="maxTracesPerSecond">The sustained rate; positive and finite (fractions allowed: 0.5 is one trace every 2 s).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public AdaptiveSampler(double maxTracesPerSecond, TimeProvider? timeProvider = null)
    {
        if (!double.IsFinite(maxTracesPerSecond) || maxTracesPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTracesPerSecond), maxTracesPerSecond, "max_traces_per_second must be a positive number.");
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _tracesPerSecond = maxTracesPerSecond;
        _capacity = Math.Max(1, maxTracesPerSecond);
        _tokens = _capacity;
        _refilledAt = _timeProvider.GetTimestamp();
        Description = string.Create(CultureInfo.InvariantCulture, $"AdaptiveSampler{{max_traces_per_second={maxTracesPerSecond}}}");
    }

    /// <summary>The sustained number of traces sampled per second.</summary>
    public double MaxTracesPerSecond => _tracesPerSecond;

    /// <inheritdoc/>
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            var elapsedSeconds = _timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds;
            if (elapsedSeconds > 0)
            {
                _tokens = Math.Min(_capacity, _tokens + (elapsedSeconds * _tracesPerSecond));
                _refilledAt = now;
            }

            if (_tokens < 1)
            {
                return Dropped;
            }

            _tokens -= 1;
            return Sampled;
        }
    }
}
