namespace Obs.Telemetry.Configuration;

/// <summary>A command-line flag that sets a configuration key: the highest layer.</summary>
/// <param name="Flag">The flag as the user typed it, e.g. <c>--sampling-rate</c>.</param>
/// <param name="Key">The configuration key it sets, e.g. <c>tracing:sampling:rate</c>.</param>
/// <param name="Value">The raw value.</param>
public sealed record ConfigFlag(string Flag, string Key, string Value);
