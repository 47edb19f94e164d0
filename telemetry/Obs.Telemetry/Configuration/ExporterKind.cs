namespace Obs.Telemetry.Configuration;

/// <summary>A trace exporter Obs can run; several at once is fine.</summary>
public enum ExporterKind
{
    Console,
    Otlp,
    Jaeger,
    Zipkin,
}
