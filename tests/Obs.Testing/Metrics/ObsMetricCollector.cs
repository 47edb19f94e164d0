using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Obs.Telemetry.Metrics;

namespace Obs.Testing.Metrics;

/// <summary>
/// Collects every measurement of the Obs meters while it lives. Listeners are process-wide and tests
/// run in parallel, so callers give their work a tag value of its own (a pipeline name, a benchmark
/// target) and read only the measurements carrying it.
/// </summary>
public sealed class ObsMetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<ObsMeasurement> _measurements = new();

    public ObsMetricCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ObsMeters.AllNames.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of <paramref name="instrument"/> whose tag <paramref name="tagKey"/> is <paramref name="tagValue"/>.</summary>
    public IReadOnlyList<ObsMeasurement> Of(string instrument, string tagKey, string tagValue) =>
        [.. _measurements.Where(m => m.Instrument == instrument && m.Tags.TryGetValue(tagKey, out var value) && Equals(value, tagValue))];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue(new ObsMeasurement(instrument.Name, value, copy));
    }
}
