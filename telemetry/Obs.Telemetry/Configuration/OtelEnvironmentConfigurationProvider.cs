using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// The environment layer: the standard <c>OTEL_*</c> variables and the original design's
/// <c>JAEGER_ENDPOINT</c>, <c>OTLP_ENDPOINT</c>, <c>ZIPKIN_ENDPOINT</c>, mapped to Obs keys. Empty values
/// count as unset, as the specification says. Each key remembers its variable as <c>env NAME</c>.
/// </summary>
internal sealed class OtelEnvironmentConfigurationProvider : ConfigLayerProvider
{
    public const string OtlpTracesEndpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string ResourceAttributesVariable = "OTEL_RESOURCE_ATTRIBUTES";
    public const string SdkDisabledVariable = "OTEL_SDK_DISABLED";

    // Lowest priority first: for the same key, a later variable that is set wins (the OTEL_ names over the
    // original design's, the traces-specific names over the general ones).
    private static readonly (string Variable, string Key)[] _scalarVariables =
    [
        ("OTLP_ENDPOINT", ConfigKeys.OtlpEndpoint),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", ConfigKeys.OtlpEndpoint),
        (OtlpTracesEndpointVariable, ConfigKeys.OtlpEndpoint),
        ("JAEGER_ENDPOINT", ConfigKeys.JaegerEndpoint),
        ("ZIPKIN_ENDPOINT", ConfigKeys.ZipkinEndpoint),
        ("OTEL_EXPORTER_ZIPKIN_ENDPOINT", ConfigKeys.ZipkinEndpoint),
        ("OTEL_SERVICE_NAME", ConfigKeys.ServiceName),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", ConfigKeys.OtlpProtocol),
        ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", ConfigKeys.OtlpProtocol),
        ("OTEL_EXPORTER_OTLP_TIMEOUT", ConfigKeys.OtlpTimeoutMillis),
        ("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", ConfigKeys.OtlpTimeoutMillis),
        ("OTEL_TRACES_EXPORTER", ConfigKeys.Exporters),
        ("OTEL_TRACES_SAMPLER", ConfigKeys.SamplingType),
        ("OTEL_TRACES_SAMPLER_ARG", ConfigKeys.SamplingRate),
        ("OTEL_BSP_SCHEDULE_DELAY", ConfigKeys.BatchScheduleDelayMillis),
        ("OTEL_BSP_EXPORT_TIMEOUT", ConfigKeys.BatchExportTimeoutMillis),
        ("OTEL_BSP_MAX_QUEUE_SIZE", ConfigKeys.BatchMaxQueueSize),
        ("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", ConfigKeys.BatchMaxExportBatchSize),
    ];

    private static readonly string[] _headerVariables = ["OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS"];

    private readonly IReadOnlyDictionary<string, string?> _environment;

    public OtelEnvironmentConfigurationProvider(IReadOnlyDictionary<string, string?> environment) => _environment = environment;

    /// <summary>True when the OTLP endpoint came from <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> and is used as-is.</summary>
    public bool OtlpEndpointIsSignalSpecific { get; private set; }

    protected override void LoadLayer()
    {
        // Resource attributes first: a service.name there only applies when OTEL_SERVICE_NAME is not set.
        LoadPairs(ResourceAttributesVariable, ConfigKeys.ResourceAttributes, isSecret: false);
        if (Variable(ResourceAttributesVariable) is not null
            && TryGet(ConfigurationPath.Combine(ConfigKeys.ResourceAttributes, "service.name"), out var serviceName))
        {
            Set(ConfigKeys.ServiceName, serviceName, $"env {ResourceAttributesVariable}");
        }

        foreach (var (variable, key) in _scalarVariables)
        {
            if (Variable(variable) is { } value)
            {
                Set(key, value, $"env {variable}");
            }
        }

        foreach (var variable in _headerVariables)
        {
            LoadPairs(variable, ConfigKeys.OtlpHeaders, isSecret: true);
        }

        LoadSdkDisabled();
        OtlpEndpointIsSignalSpecific = Variable(OtlpTracesEndpointVariable) is not null;
    }

    private void LoadPairs(string variable, string sectionKey, bool isSecret)
    {
        if (Variable(variable) is not { } text)
        {
            return;
        }

        var origin = $"env {variable}";
        var entries = OtelKeyValueList.Parse(text, out var malformed);
        foreach (var (name, value) in entries)
        {
            if (name.Contains(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal))
            {
                Report(new ConfigProblem(ConfigKeys.ToDotted(sectionKey), origin, name, "names must not contain ':'"));
                continue;
            }

            Set(ConfigurationPath.Combine(sectionKey, name), value, origin);
        }

        foreach (var pair in malformed)
        {
            Report(new ConfigProblem(
                ConfigKeys.ToDotted(sectionKey),
                origin,
                isSecret ? SecretMask.Mask(pair) : pair,
                "each entry must be name=value, entries separated by commas"));
        }
    }

    private void LoadSdkDisabled()
    {
        if (Variable(SdkDisabledVariable) is not { } value)
        {
            return;
        }

        var origin = $"env {SdkDisabledVariable}";
        if (bool.TryParse(value.Trim(), out var disabled))
        {
            Set(ConfigKeys.Enabled, disabled ? "false" : "true", origin);
        }
        else
        {
            Report(new ConfigProblem(ConfigKeys.ToDotted(ConfigKeys.Enabled), origin, value, $"{SdkDisabledVariable} must be true or false"));
        }
    }

    private string? Variable(string name) =>
        _environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
