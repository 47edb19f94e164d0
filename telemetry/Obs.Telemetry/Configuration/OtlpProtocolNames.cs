namespace Obs.Telemetry.Configuration;

/// <summary>OTLP protocol names, as <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> spells them.</summary>
internal static class OtlpProtocolNames
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";
    public const string HttpJson = "http/json";

    public static bool TryParse(string text, out OtlpWireProtocol protocol, out string error)
    {
        var name = text.Trim();
        error = string.Empty;
        protocol = OtlpWireProtocol.Grpc;
        if (string.Equals(name, Grpc, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(name, HttpProtobuf, StringComparison.OrdinalIgnoreCase))
        {
            protocol = OtlpWireProtocol.HttpProtobuf;
            return true;
        }

        error = string.Equals(name, HttpJson, StringComparison.OrdinalIgnoreCase)
            ? $"{HttpJson} is not supported by the OpenTelemetry .NET exporter; use {Grpc} or {HttpProtobuf}"
            : $"unknown protocol; use {Grpc} or {HttpProtobuf}";
        return false;
    }
}
