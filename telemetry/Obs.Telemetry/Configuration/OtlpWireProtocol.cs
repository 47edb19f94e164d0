namespace Obs.Telemetry.Configuration;

/// <summary>OTLP transport, as named by <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>: <c>grpc</c> or <c>http/protobuf</c>.</summary>
public enum OtlpWireProtocol
{
    Grpc,
    HttpProtobuf,
}
