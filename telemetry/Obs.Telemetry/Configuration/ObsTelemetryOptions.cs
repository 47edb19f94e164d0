namespace Obs.Telemetry.Configuration;

/// <summary>
/// Everything Obs needs to build its tracer and meter providers, after defaults, the YAML file,
/// the environment and command-line flags have been layered (lowest first) and validated.
/// Property comments name the YAML key (under <c>tracing:</c> unless said otherwise).
/// </summary>
public sealed class ObsTelemetryOptions
{
    /// <summary><c>service_name</c>; <c>OTEL_SERVICE_NAME</c>; <c>--service-name</c>.</summary>
    public string ServiceName { get; set; } = ObsDefaults.ServiceName;

    /// <summary><c>service_version</c>.</summary>
    public string ServiceVersion { get; set; } = ObsDefaults.ServiceVersion;

    /// <summary><c>console_exporter</c>: print finished spans (to stderr in the CLI).</summary>
    public bool ConsoleExporter { get; set; }

    /// <summary><c>jaeger_endpoint</c>; <c>JAEGER_ENDPOINT</c>. Jaeger is reached over OTLP.</summary>
    public Uri? JaegerEndpoint { get; set; }

    /// <summary><c>otlp_endpoint</c>; <c>OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; <c>--endpoint</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// True when <see cref="OtlpEndpoint"/> came from <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> and is
    /// used as-is; otherwise http/protobuf appends <c>/v1/traces</c> to it, as the OTLP spec says.
    /// </summary>
    public bool OtlpEndpointIsSignalSpecific { get; set; }

    /// <summary><c>otlp_protocol</c>; <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>; <c>--protocol</c>.</summary>
    public OtlpWireProtocol OtlpProtocol { get; set; } = OtlpWireProtocol.Grpc;

    /// <summary><c>otlp_headers</c> (map); <c>OTEL_EXPORTER_OTLP_HEADERS</c> (<c>k=v,k2=v2</c>).</summary>
    public IDictionary<string, string> OtlpHeaders { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>otlp_timeout_millis</c>; <c>OTEL_EXPORTER_OTLP_TIMEOUT</c>.</summary>
    public int OtlpTimeoutMillis { get; set; } = ObsDefaults.OtlpTimeoutMillis;

    /// <summary><c>zipkin_endpoint</c>; <c>ZIPKIN_ENDPOINT</c>.</summary>
    public Uri? ZipkinEndpoint { get; set; }

    /// <summary>
    /// <c>exporters</c> (list); <c>OTEL_TRACES_EXPORTER</c>; <c>--exporter</c>. When null the set is derived
    /// from <see cref="ConsoleExporter"/> and the endpoints that are set; an empty set exports nothing.
    /// </summary>
    public IReadOnlyList<ExporterKind>? Exporters { get; set; }

    /// <summary><c>sampling:</c>.</summary>
    public SamplingOptions Sampling { get; } = new();

    /// <summary><c>batch:</c>; <c>OTEL_BSP_*</c>.</summary>
    public BatchOptions Batch { get; } = new();

    /// <summary><c>redaction:</c>.</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary><c>app:</c> (top level).</summary>
    public AppOptions App { get; } = new();

    /// <summary><c>resource_attributes</c> (map); <c>OTEL_RESOURCE_ATTRIBUTES</c>. Merged over the detected resource.</summary>
    public IDictionary<string, string> ResourceAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>enabled: false</c>; <c>OTEL_SDK_DISABLED=true</c>: no spans are recorded or exported.</summary>
    public bool Disabled { get; set; }

    /// <summary>Where refused spans are kept for <c>obs replay</c>; set by the host (the CLI: <c>.obs/spool</c>), off by default.</summary>
    public Spool.SpoolOptions Spool { get; } = new();

    /// <summary><c>trace_url_template</c>, e.g. <c>http://localhost:16686/trace/{traceId}</c>.</summary>
    public string? TraceUrlTemplate { get; set; }

    /// <summary>The exporters that will actually run, in a stable order.</summary>
    public IReadOnlyList<ExporterKind> EffectiveExporters()
    {
        if (Disabled)
        {
            return [];
        }

        if (Exporters is not null)
        {
            return Exporters.Distinct().Order().ToArray();
        }

        var kinds = new List<ExporterKind>();
        if (ConsoleExporter)
        {
            kinds.Add(ExporterKind.Console);
        }

        if (OtlpEndpoint is not null)
        {
            kinds.Add(ExporterKind.Otlp);
        }

        if (JaegerEndpoint is not null)
        {
            kinds.Add(ExporterKind.Jaeger);
        }

        if (ZipkinEndpoint is not null)
        {
            kinds.Add(ExporterKind.Zipkin);
        }

        return kinds;
    }
}
