using Obs.Telemetry.Configuration;
using Obs.Telemetry.Exporters;
using OpenTelemetry.Exporter;

namespace Obs.Telemetry.Tests.Exporters;

public sealed class OtlpTargetTests
{
    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces")]
    [InlineData("https://otlp.example.com/ingest", "https://otlp.example.com/ingest/v1/traces")]
    [InlineData("https://otlp.example.com/ingest/", "https://otlp.example.com/ingest/v1/traces")]
    public void ForOtlpTraces_HttpBaseEndpoint_AppendsTracesPathOnce(string endpoint, string expected)
    {
        var target = OtlpTarget.ForOtlpTraces(Http(endpoint));

        Assert.Equal(expected, target.Endpoint.AbsoluteUri);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, target.Protocol);
    }

    [Theory]
    [InlineData("http://collector:4318/v1/traces")]
    [InlineData("https://otlp.example.com/custom/spans")]
    public void ForOtlpTraces_HttpSignalSpecific_UsesTheUrlAsIs(string endpoint)
    {
        var target = OtlpTarget.ForOtlpTraces(Http(endpoint, signalSpecific: true));

        Assert.Equal(endpoint, target.Endpoint.AbsoluteUri);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, target.Protocol);
    }

    [Theory]
    [InlineData("http://collector:4317/")]
    [InlineData("http://collector:4317/some/path")]
    public void ForOtlpTraces_Grpc_KeepsTheEndpoint(string endpoint)
    {
        var target = OtlpTarget.ForOtlpTraces(new ObsTelemetryOptions { OtlpEndpoint = new Uri(endpoint) });

        Assert.Equal(endpoint, target.Endpoint.AbsoluteUri);
        Assert.Equal(OtlpExportProtocol.Grpc, target.Protocol);
    }

    [Theory]
    [InlineData(OtlpWireProtocol.Grpc, "http://localhost:4317/", OtlpExportProtocol.Grpc)]
    [InlineData(OtlpWireProtocol.HttpProtobuf, "http://localhost:4318/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    public void ForOtlpTraces_NoEndpoint_UsesTheProtocolsDefaultPort(OtlpWireProtocol protocol, string expected, OtlpExportProtocol expectedProtocol)
    {
        var target = OtlpTarget.ForOtlpTraces(new ObsTelemetryOptions { OtlpProtocol = protocol });

        Assert.Equal(expected, target.Endpoint.AbsoluteUri);
        Assert.Equal(expectedProtocol, target.Protocol);
    }

    [Theory]
    [InlineData("http://collector:4318", false, "http://collector:4318/v1/metrics")]
    [InlineData("http://collector:4318/", false, "http://collector:4318/v1/metrics")]
    [InlineData("http://collector:4318/v1/traces", true, "http://collector:4318/v1/metrics")]
    [InlineData("https://otlp.example.com/ingest/v1/traces", true, "https://otlp.example.com/ingest/v1/metrics")]
    public void ForOtlpMetrics_HttpSameCollector_MapsTracesPathToMetricsPath(string endpoint, bool signalSpecific, string expected)
    {
        var target = OtlpTarget.ForOtlpMetrics(Http(endpoint, signalSpecific));

        Assert.NotNull(target);
        Assert.Equal(expected, target.Endpoint.AbsoluteUri);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, target.Protocol);
    }

    [Fact]
    public void ForOtlpMetrics_SignalSpecificUrlWithoutTracesPath_SendsNoMetrics()
    {
        Assert.Null(OtlpTarget.ForOtlpMetrics(Http("https://otlp.example.com/custom/spans", signalSpecific: true)));
    }

    [Fact]
    public void ForOtlpMetrics_Grpc_SameEndpointAsTraces()
    {
        var options = new ObsTelemetryOptions { OtlpEndpoint = new Uri("http://collector:4317") };

        Assert.Equal(OtlpTarget.ForOtlpTraces(options), OtlpTarget.ForOtlpMetrics(options));
    }

    [Theory]
    [InlineData("http://jaeger:4318", "http://jaeger:4318/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("http://jaeger:4318/", "http://jaeger:4318/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("https://jaeger.example.com:4318/", "https://jaeger.example.com:4318/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("http://jaeger:8080/v1/traces", "http://jaeger:8080/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("http://jaeger:4318/v1/traces", "http://jaeger:4318/v1/traces", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("http://jaeger:4317", "http://jaeger:4317/", OtlpExportProtocol.Grpc)]
    [InlineData("http://jaeger:14250/", "http://jaeger:14250/", OtlpExportProtocol.Grpc)]
    [InlineData("https://jaeger.example.com/", "https://jaeger.example.com/", OtlpExportProtocol.Grpc)]
    public void ForJaeger_Endpoint_PicksTransportFromPortAndPath(string endpoint, string expected, OtlpExportProtocol expectedProtocol)
    {
        var target = OtlpTarget.ForJaeger(new Uri(endpoint));

        Assert.Equal(expected, target.Endpoint.AbsoluteUri);
        Assert.Equal(expectedProtocol, target.Protocol);
    }

    private static ObsTelemetryOptions Http(string endpoint, bool signalSpecific = false) => new()
    {
        OtlpProtocol = OtlpWireProtocol.HttpProtobuf,
        OtlpEndpoint = new Uri(endpoint),
        OtlpEndpointIsSignalSpecific = signalSpecific,
    };
}
