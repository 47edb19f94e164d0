namespace Obs.Testing.Otlp;

/// <summary>Values of <see cref="ReceivedSpan.Transport"/>.</summary>
public static class OtlpTransport
{
    public const string Grpc = "grpc";
    public const string Http = "http";
}
