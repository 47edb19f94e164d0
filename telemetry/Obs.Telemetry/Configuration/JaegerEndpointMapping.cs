namespace Obs.Telemetry.Configuration;

/// <summary>
/// The original design pointed <c>jaeger_endpoint</c> at Jaeger's legacy Thrift collector (port 14268,
/// path <c>/api/traces</c>). That exporter is retired and Jaeger ingests OTLP natively, so such an
/// endpoint is mapped to OTLP/gRPC on the same host.
/// </summary>
internal static class JaegerEndpointMapping
{
    public const int LegacyThriftPort = 14268;
    public const string LegacyThriftPath = "/api/traces";
    public const int OtlpGrpcPort = 4317;

    /// <summary>The OTLP/gRPC endpoint for a legacy Thrift collector URL, or null when <paramref name="endpoint"/> is not one.</summary>
    public static Uri? MapLegacyThrift(Uri endpoint)
    {
        var isLegacy = endpoint.Port == LegacyThriftPort
            || endpoint.AbsolutePath.TrimEnd('/').Equals(LegacyThriftPath, StringComparison.OrdinalIgnoreCase);
        if (!isLegacy)
        {
            return null;
        }

        var builder = new UriBuilder(endpoint.Scheme, endpoint.Host, OtlpGrpcPort);
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The one-line warning shown when <see cref="MapLegacyThrift"/> applied.</summary>
    public static string Warning(string given, Uri mapped) =>
        $"{ConfigKeys.ToDotted(ConfigKeys.JaegerEndpoint)} {given} is Jaeger's legacy Thrift collector; Jaeger ingests OTLP natively, "
        + $"so Obs sends to {mapped.GetLeftPart(UriPartial.Authority)} (OTLP/gRPC) instead.";
}
