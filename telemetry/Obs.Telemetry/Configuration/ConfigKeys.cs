namespace Obs.Telemetry.Configuration;

/// <summary>
/// Every configuration key Obs reads, in <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>'s
/// colon form (<c>tracing:sampling:rate</c>). Command-line flags set these keys through <see cref="ConfigFlag"/>;
/// problems name them in YAML's dotted form (<c>tracing.sampling.rate</c>).
/// </summary>
public static class ConfigKeys
{
    public const string Tracing = "tracing";
    public const string ServiceName = "tracing:service_name";
    public const string ServiceVersion = "tracing:service_version";
    public const string ConsoleExporter = "tracing:console_exporter";
    public const string JaegerEndpoint = "tracing:jaeger_endpoint";
    public const string OtlpEndpoint = "tracing:otlp_endpoint";
    public const string ZipkinEndpoint = "tracing:zipkin_endpoint";

    /// <summary>A list (YAML sequence) or a comma-separated string: <c>otlp</c>, <c>zipkin</c>, <c>console</c>, <c>jaeger</c>, <c>none</c>.</summary>
    public const string Exporters = "tracing:exporters";
    public const string OtlpProtocol = "tracing:otlp_protocol";

    /// <summary>A map: each header is a child key.</summary>
    public const string OtlpHeaders = "tracing:otlp_headers";
    public const string OtlpTimeoutMillis = "tracing:otlp_timeout_millis";
    public const string Enabled = "tracing:enabled";
    public const string TraceUrlTemplate = "tracing:trace_url_template";

    /// <summary>A map: each attribute is a child key.</summary>
    public const string ResourceAttributes = "tracing:resource_attributes";

    public const string Sampling = "tracing:sampling";
    public const string SamplingType = "tracing:sampling:type";
    public const string SamplingRate = "tracing:sampling:rate";
    public const string SamplingMaxTracesPerSecond = "tracing:sampling:max_traces_per_second";

    public const string Batch = "tracing:batch";
    public const string BatchMaxQueueSize = "tracing:batch:max_queue_size";
    public const string BatchScheduleDelayMillis = "tracing:batch:schedule_delay_millis";
    public const string BatchMaxExportBatchSize = "tracing:batch:max_export_batch_size";
    public const string BatchExportTimeoutMillis = "tracing:batch:export_timeout_millis";

    public const string Redaction = "tracing:redaction";
    public const string RedactionEnabled = "tracing:redaction:enabled";

    /// <summary>A list of regular expressions.</summary>
    public const string RedactionPatterns = "tracing:redaction:patterns";

    public const string App = "app";
    public const string AppName = "app:name";
    public const string AppVersion = "app:version";
    public const string AppEnvironment = "app:environment";

    /// <summary>The sections whose children are checked, so a misspelt key is an error rather than silently ignored.</summary>
    internal static readonly string[] CheckedSections = [Tracing, Sampling, Batch, Redaction, App];

    /// <summary>Every key with a fixed name (map entries and list items excepted).</summary>
    internal static readonly string[] All =
    [
        ServiceName, ServiceVersion, ConsoleExporter, JaegerEndpoint, OtlpEndpoint, ZipkinEndpoint,
        Exporters, OtlpProtocol, OtlpHeaders, OtlpTimeoutMillis, Enabled, TraceUrlTemplate, ResourceAttributes,
        Sampling, SamplingType, SamplingRate, SamplingMaxTracesPerSecond,
        Batch, BatchMaxQueueSize, BatchScheduleDelayMillis, BatchMaxExportBatchSize, BatchExportTimeoutMillis,
        Redaction, RedactionEnabled, RedactionPatterns,
        AppName, AppVersion, AppEnvironment,
    ];

    /// <summary>The key as YAML readers write it: <c>tracing:sampling:rate</c> becomes <c>tracing.sampling.rate</c>.</summary>
    public static string ToDotted(string key) => key.Replace(':', '.');
}
