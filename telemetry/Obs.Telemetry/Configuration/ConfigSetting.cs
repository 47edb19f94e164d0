namespace Obs.Telemetry.Configuration;

/// <summary>A raw value as the winning layer gave it, and where it came from.</summary>
/// <param name="Key">The dotted key to name in problems, e.g. <c>tracing.sampling.rate</c> or <c>tracing.exporters[1]</c>.</param>
/// <param name="Value">The raw text.</param>
/// <param name="Source">e.g. <c>config/tracing.yaml:12</c>, <c>env OTEL_TRACES_SAMPLER_ARG</c>, <c>flag --sampling-rate</c>.</param>
/// <param name="Layer">The layer that won.</param>
internal sealed record ConfigSetting(string Key, string Value, string Source, ConfigLayerProvider Layer);
