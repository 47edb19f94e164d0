using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

public sealed class ObsConfigurationLoaderEnvironmentTests
{
    [Fact]
    public void Load_OtelServiceName_SetsServiceName()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_SERVICE_NAME", "checkout");

        Assert.Equal("checkout", scenario.LoadValid().ServiceName);
    }

    [Fact]
    public void Load_ResourceAttributes_PercentDecodesValues()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_RESOURCE_ATTRIBUTES", "team=core%20platform, region = eu%2Cwest ,empty=");

        var options = scenario.LoadValid();

        Assert.Equal("core platform", options.ResourceAttributes["team"]);
        Assert.Equal("eu,west", options.ResourceAttributes["region"]);
        Assert.Equal(string.Empty, options.ResourceAttributes["empty"]);
    }

    [Fact]
    public void Load_ResourceAttributesServiceName_SetsServiceNameWhenOtelServiceNameIsUnset()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("tracing:\n  service_name: from-yaml\n")
            .WithEnv("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes");

        Assert.Equal("from-attributes", scenario.LoadValid().ServiceName);
    }

    [Fact]
    public void Load_OtelServiceNameAndResourceAttributesServiceName_OtelServiceNameWins()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes")
            .WithEnv("OTEL_SERVICE_NAME", "from-service-name");

        Assert.Equal("from-service-name", scenario.LoadValid().ServiceName);
    }

    [Fact]
    public void Load_MalformedResourceAttributePair_ReportsThePair()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_RESOURCE_ATTRIBUTES", "team=core,nonsense");

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("tracing.resource_attributes", problem.Key);
        Assert.Equal("env OTEL_RESOURCE_ATTRIBUTES", problem.Source);
        Assert.Equal("nonsense", problem.Value);
        Assert.Equal("core", result.Options.ResourceAttributes["team"]);
    }

    [Fact]
    public void Load_OtlpEndpoint_IsNotSignalSpecific()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");

        var options = scenario.LoadValid();

        Assert.Equal(new Uri("http://collector:4318"), options.OtlpEndpoint);
        Assert.False(options.OtlpEndpointIsSignalSpecific);
    }

    [Fact]
    public void Load_OtlpTracesEndpoint_WinsAndIsSignalSpecific()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4318")
            .WithEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom/path");

        var options = scenario.LoadValid();

        Assert.Equal(new Uri("http://traces:4318/custom/path"), options.OtlpEndpoint);
        Assert.True(options.OtlpEndpointIsSignalSpecific);
    }

    [Fact]
    public void Load_FlagEndpointOverTracesEndpoint_IsNotSignalSpecific()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/v1/traces")
            .WithFlag("--endpoint", ConfigKeys.OtlpEndpoint, "http://flag:4317");

        var options = scenario.LoadValid();

        Assert.Equal(new Uri("http://flag:4317"), options.OtlpEndpoint);
        Assert.False(options.OtlpEndpointIsSignalSpecific);
    }

    [Theory]
    [InlineData("grpc", OtlpWireProtocol.Grpc)]
    [InlineData("http/protobuf", OtlpWireProtocol.HttpProtobuf)]
    public void Load_OtlpProtocol_SetsProtocol(string value, OtlpWireProtocol expected)
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_PROTOCOL", value);

        Assert.Equal(expected, scenario.LoadValid().OtlpProtocol);
    }

    [Fact]
    public void Load_OtlpProtocolHttpJson_ReportsNotSupported()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");

        var problem = scenario.LoadSingleError("tracing.otlp_protocol");

        Assert.Equal("env OTEL_EXPORTER_OTLP_PROTOCOL", problem.Source);
        Assert.Equal("http/json", problem.Value);
        Assert.Contains("not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtlpHeaders_ParsesAndPercentDecodes()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=abc%3D%3D,authorization=Bearer%20t0k");

        var options = scenario.LoadValid();

        Assert.Equal("abc==", options.OtlpHeaders["x-api-key"]);
        Assert.Equal("Bearer t0k", options.OtlpHeaders["authorization"]);
    }

    [Fact]
    public void Load_OtlpTimeout_SetsTimeoutMillis()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_TIMEOUT", "2500");

        Assert.Equal(2500, scenario.LoadValid().OtlpTimeoutMillis);
    }

    [Fact]
    public void Load_TracesExporterList_SetsExporters()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_EXPORTER", "otlp, zipkin,console,jaeger");

        var options = scenario.LoadValid();

        Assert.Equal([ExporterKind.Console, ExporterKind.Otlp, ExporterKind.Jaeger, ExporterKind.Zipkin], options.EffectiveExporters());
    }

    [Fact]
    public void Load_TracesExporterNone_ExportsNothing()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("tracing:\n  console_exporter: true\n  otlp_endpoint: \"http://localhost:4317\"\n")
            .WithEnv("OTEL_TRACES_EXPORTER", "none");

        var options = scenario.LoadValid();

        Assert.NotNull(options.Exporters);
        Assert.Empty(options.EffectiveExporters());
    }

    [Theory]
    [InlineData("always_on", SamplerType.AlwaysOn)]
    [InlineData("always_off", SamplerType.AlwaysOff)]
    [InlineData("traceidratio", SamplerType.TraceIdRatio)]
    [InlineData("parentbased_always_on", SamplerType.ParentBasedAlwaysOn)]
    [InlineData("parentbased_always_off", SamplerType.ParentBasedAlwaysOff)]
    [InlineData("parentbased_traceidratio", SamplerType.ParentBasedTraceIdRatio)]
    public void Load_TracesSampler_SetsSamplerType(string value, SamplerType expected)
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_SAMPLER", value);

        Assert.Equal(expected, scenario.LoadValid().Sampling.Type);
    }

    [Theory]
    [InlineData("jaeger_remote")]
    [InlineData("parentbased_jaeger_remote")]
    [InlineData("xray")]
    public void Load_UnsupportedTracesSampler_ReportsNotSupportedByObs(string value)
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_SAMPLER", value);

        var problem = scenario.LoadSingleError("tracing.sampling.type");

        Assert.Equal("env OTEL_TRACES_SAMPLER", problem.Source);
        Assert.Equal(value, problem.Value);
        Assert.Contains($"'{value}' is not supported by Obs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TracesSamplerArg_SetsRate()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_SAMPLER_ARG", "0.125");

        Assert.Equal(0.125, scenario.LoadValid().Sampling.Rate);
    }

    [Fact]
    public void Load_BatchVariables_SetBatchOptions()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTEL_BSP_SCHEDULE_DELAY", "100")
            .WithEnv("OTEL_BSP_EXPORT_TIMEOUT", "200")
            .WithEnv("OTEL_BSP_MAX_QUEUE_SIZE", "300")
            .WithEnv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "30");

        var batch = scenario.LoadValid().Batch;

        Assert.Equal(100, batch.ScheduleDelayMillis);
        Assert.Equal(200, batch.ExportTimeoutMillis);
        Assert.Equal(300, batch.MaxQueueSize);
        Assert.Equal(30, batch.MaxExportBatchSize);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Load_SdkDisabled_SetsDisabled(string value, bool expected)
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_SDK_DISABLED", value);

        var options = scenario.LoadValid();

        Assert.Equal(expected, options.Disabled);
        if (expected)
        {
            Assert.Empty(options.EffectiveExporters());
        }
    }

    [Fact]
    public void Load_SdkDisabledNotBoolean_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_SDK_DISABLED", "yes");

        var problem = scenario.LoadSingleError("tracing.enabled");

        Assert.Equal("env OTEL_SDK_DISABLED", problem.Source);
        Assert.Equal("yes", problem.Value);
    }

    [Fact]
    public void Load_OriginalDesignEndpointVariables_SetEndpoints()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("JAEGER_ENDPOINT", "http://jaeger:4317")
            .WithEnv("OTLP_ENDPOINT", "http://otlp:4317")
            .WithEnv("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans");

        var options = scenario.LoadValid();

        Assert.Equal(new Uri("http://jaeger:4317"), options.JaegerEndpoint);
        Assert.Equal(new Uri("http://otlp:4317"), options.OtlpEndpoint);
        Assert.Equal(new Uri("http://zipkin:9411/api/v2/spans"), options.ZipkinEndpoint);
    }

    [Fact]
    public void Load_StandardAndOriginalEndpointVariables_StandardWins()
    {
        using var scenario = new ConfigScenario()
            .WithEnv("OTLP_ENDPOINT", "http://legacy:4317")
            .WithEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://standard:4317")
            .WithEnv("ZIPKIN_ENDPOINT", "http://legacy:9411/api/v2/spans")
            .WithEnv("OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://standard:9411/api/v2/spans");

        var options = scenario.LoadValid();

        Assert.Equal(new Uri("http://standard:4317"), options.OtlpEndpoint);
        Assert.Equal(new Uri("http://standard:9411/api/v2/spans"), options.ZipkinEndpoint);
    }

    [Fact]
    public void Load_EmptyEnvironmentValues_AreTreatedAsUnset()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("tracing:\n  service_name: from-yaml\n  sampling:\n    rate: 0.5\n")
            .WithEnv("OTEL_SERVICE_NAME", string.Empty)
            .WithEnv("OTEL_TRACES_SAMPLER_ARG", string.Empty)
            .WithEnv("OTEL_SDK_DISABLED", string.Empty);

        var options = scenario.LoadValid();

        Assert.Equal("from-yaml", options.ServiceName);
        Assert.Equal(0.5, options.Sampling.Rate);
        Assert.False(options.Disabled);
    }

    [Fact]
    public void Load_ObsConfigVariableNamesMissingFile_ReportsItAsExplicit()
    {
        using var scenario = new ConfigScenario().WithEnv("OBS_CONFIG", "/nonexistent/obs.yaml");

        var problem = scenario.LoadSingleError("(file)");

        Assert.Equal("env OBS_CONFIG", problem.Source);
        Assert.Equal("/nonexistent/obs.yaml", problem.Value);
    }
}
