using Obs.Telemetry.Configuration;
using OpenTelemetry.Exporter;

namespace Obs.Telemetry.Exporters;

/// <summary>Where one OTLP exporter sends a signal: the final URL and the transport.</summary>
/// <param name="Endpoint">For gRPC the collector's base address; for http/protobuf the full signal URL.</param>
/// <param name="Protocol">gRPC or http/protobuf.</param>
public sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public const string TracesPath = "v1/traces";
    public const string MetricsPath = "v1/metrics";

    /// <summary>The OTLP exporter's target for traces, from <c>otlp_endpoint</c> and <c>otlp_protocol</c>.</summary>
    public static OtlpTarget ForOtlpTraces(ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var protocol = ToExportProtocol(options.OtlpProtocol);
        var endpoint = options.OtlpEndpoint
            ?? (protocol == OtlpExportProtocol.Grpc ? ObsDefaults.OtlpGrpcEndpoint : ObsDefaults.OtlpHttpEndpoint);
        return protocol == OtlpExportProtocol.Grpc || options.OtlpEndpointIsSignalSpecific
            ? new OtlpTarget(endpoint, protocol)
            : new OtlpTarget(AppendPath(endpoint, TracesPath), protocol);
    }

    /// <summary>
    /// The OTLP exporter's target for metrics: the same collector. A signal-specific traces URL
    /// (<c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) ending in <c>/v1/traces</c> maps to <c>/v1/metrics</c>;
    /// any other signal-specific URL gives null (metrics are not sent there).
    /// </summary>
    public static OtlpTarget? ForOtlpMetrics(ObsTelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var traces = ForOtlpTraces(options);
        if (traces.Protocol == OtlpExportProtocol.Grpc)
        {
            return traces;
        }

        var text = traces.Endpoint.AbsoluteUri;
        return text.EndsWith("/" + TracesPath, StringComparison.Ordinal)
            ? new OtlpTarget(new Uri(text[..^TracesPath.Length] + MetricsPath), traces.Protocol)
            : null;
    }

    /// <summary>
    /// Jaeger is reached over OTLP (it ingests OTLP natively): gRPC, unless the URL points at
    /// Jaeger's OTLP/HTTP port 4318 or already names <c>/v1/traces</c>.
    /// </summary>
    public static OtlpTarget ForJaeger(Uri jaegerEndpoint)
    {
        ArgumentNullException.ThrowIfNull(jaegerEndpoint);
        if (jaegerEndpoint.AbsolutePath.EndsWith("/" + TracesPath, StringComparison.Ordinal))
        {
            return new OtlpTarget(jaegerEndpoint, OtlpExportProtocol.HttpProtobuf);
        }

        return jaegerEndpoint.Port == ObsDefaults.OtlpHttpEndpoint.Port
            ? new OtlpTarget(AppendPath(jaegerEndpoint, TracesPath), OtlpExportProtocol.HttpProtobuf)
            : new OtlpTarget(jaegerEndpoint, OtlpExportProtocol.Grpc);
    }

    private static OtlpExportProtocol ToExportProtocol(OtlpWireProtocol protocol) =>
        protocol == OtlpWireProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

    private static Uri AppendPath(Uri baseUri, string path)
    {
        var text = baseUri.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + path : text + "/" + path);
    }
}
