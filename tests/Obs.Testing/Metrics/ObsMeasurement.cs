namespace Obs.Testing.Metrics;

/// <summary>One measurement an <see cref="ObsMetricCollector"/> saw: instrument name, value (as a double) and tags.</summary>
public sealed record ObsMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
