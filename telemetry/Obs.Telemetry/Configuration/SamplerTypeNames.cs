namespace Obs.Telemetry.Configuration;

/// <summary>
/// Sampler names accepted in <c>tracing.sampling.type</c> and <c>OTEL_TRACES_SAMPLER</c>: the original design's
/// <c>always_on</c>, <c>always_off</c>, <c>probabilistic</c>, <c>adaptive</c>, and the specification's names.
/// </summary>
internal static class SamplerTypeNames
{
    private static readonly Dictionary<string, SamplerType> _known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["always_on"] = SamplerType.AlwaysOn,
        ["always_off"] = SamplerType.AlwaysOff,
        ["probabilistic"] = SamplerType.ParentBasedTraceIdRatio,
        ["adaptive"] = SamplerType.Adaptive,
        ["traceidratio"] = SamplerType.TraceIdRatio,
        ["parentbased_always_on"] = SamplerType.ParentBasedAlwaysOn,
        ["parentbased_always_off"] = SamplerType.ParentBasedAlwaysOff,
        ["parentbased_traceidratio"] = SamplerType.ParentBasedTraceIdRatio,
    };

    // Specified by OpenTelemetry, but they need a remote sampling service Obs does not talk to.
    private static readonly string[] _unsupported = ["jaeger_remote", "parentbased_jaeger_remote", "xray"];

    public static bool TryParse(string text, out SamplerType type, out string error)
    {
        var name = text.Trim();
        if (_known.TryGetValue(name, out type))
        {
            error = string.Empty;
            return true;
        }

        error = _unsupported.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"sampler '{name}' is not supported by Obs; use one of {Accepted}"
            : $"unknown sampler; use one of {Accepted}";
        return false;
    }

    private static string Accepted => string.Join(", ", _known.Keys);
}
