namespace Obs.Telemetry.Configuration;

/// <summary>
/// One invalid configuration value: which key, where it came from (the YAML file and line, an
/// environment variable, or a flag), the bad value, and what is wrong with it.
/// </summary>
/// <param name="Key">The YAML-style key, e.g. <c>tracing.sampling.rate</c>.</param>
/// <param name="Source">e.g. <c>config/tracing.yaml:12</c>, <c>env OTEL_TRACES_SAMPLER_ARG</c>, <c>flag --sampling-rate</c>.</param>
/// <param name="Value">The offending value as given (never a secret: header values are masked).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ConfigProblem(string Key, string Source, string? Value, string Message)
{
    public override string ToString() =>
        Value is null
            ? $"{Key} ({Source}): {Message}"
            : $"{Key} = '{Value}' ({Source}): {Message}";
}
