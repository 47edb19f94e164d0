using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

public sealed class ObsConfigurationLoaderPrecedenceTests
{
    private const string FullYaml = """
        tracing:
          service_name: "from-yaml"
          otlp_endpoint: "http://yaml:4317"
          otlp_protocol: grpc
          sampling:
            type: always_on
            rate: 0.5
          batch:
            max_queue_size: 1000
        """;

    [Fact]
    public void Load_NothingSet_UsesBuiltInDefaults()
    {
        using var scenario = new ConfigScenario();

        var result = scenario.Load();

        Assert.True(result.IsValid);
        Assert.Null(result.ConfigFile);
        Assert.Empty(result.Warnings);
        var options = result.Options;
        Assert.Equal(ObsDefaults.ServiceName, options.ServiceName);
        Assert.Equal(ObsDefaults.ServiceVersion, options.ServiceVersion);
        Assert.Null(options.OtlpEndpoint);
        Assert.Equal(OtlpWireProtocol.Grpc, options.OtlpProtocol);
        Assert.Equal(SamplerType.ParentBasedTraceIdRatio, options.Sampling.Type);
        Assert.Equal(1.0, options.Sampling.Rate);
        Assert.Equal(8192, options.Batch.MaxQueueSize);
        Assert.Equal(2048, options.Batch.MaxExportBatchSize);
        Assert.Equal(ObsDefaults.Environment, options.App.Environment);
        Assert.False(options.Disabled);
        Assert.Null(options.Exporters);
    }

    [Fact]
    public void Load_YamlOnly_OverridesDefaults()
    {
        using var scenario = new ConfigScenario().WithYaml(FullYaml);

        var result = scenario.Load();

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(scenario.YamlPath, result.ConfigFile);
        Assert.Equal("from-yaml", result.Options.ServiceName);
        Assert.Equal(new Uri("http://yaml:4317"), result.Options.OtlpEndpoint);
        Assert.Equal(SamplerType.AlwaysOn, result.Options.Sampling.Type);
        Assert.Equal(0.5, result.Options.Sampling.Rate);
        Assert.Equal(1000, result.Options.Batch.MaxQueueSize);
    }

    [Fact]
    public void Load_EnvironmentOverYaml_EnvironmentWins()
    {
        using var scenario = new ConfigScenario().WithYaml(FullYaml)
            .WithEnv("OTEL_SERVICE_NAME", "from-env")
            .WithEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4317")
            .WithEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnv("OTEL_TRACES_SAMPLER", "traceidratio")
            .WithEnv("OTEL_TRACES_SAMPLER_ARG", "0.25")
            .WithEnv("OTEL_BSP_MAX_QUEUE_SIZE", "4000");

        var options = scenario.LoadValid();

        Assert.Equal("from-env", options.ServiceName);
        Assert.Equal(new Uri("http://env:4317"), options.OtlpEndpoint);
        Assert.Equal(OtlpWireProtocol.HttpProtobuf, options.OtlpProtocol);
        Assert.Equal(SamplerType.TraceIdRatio, options.Sampling.Type);
        Assert.Equal(0.25, options.Sampling.Rate);
        Assert.Equal(4000, options.Batch.MaxQueueSize);
    }

    [Fact]
    public void Load_FlagsOverEnvironmentAndYaml_FlagsWin()
    {
        using var scenario = new ConfigScenario().WithYaml(FullYaml)
            .WithEnv("OTEL_SERVICE_NAME", "from-env")
            .WithEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4317")
            .WithEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnv("OTEL_TRACES_SAMPLER_ARG", "0.25")
            .WithEnv("OTEL_TRACES_EXPORTER", "zipkin")
            .WithFlag("--service-name", ConfigKeys.ServiceName, "from-flag")
            .WithFlag("--endpoint", ConfigKeys.OtlpEndpoint, "http://flag:4317")
            .WithFlag("--protocol", ConfigKeys.OtlpProtocol, "grpc")
            .WithFlag("--sampling-rate", ConfigKeys.SamplingRate, "0.1")
            .WithFlag("--exporter", ConfigKeys.Exporters, "otlp,console");

        var options = scenario.LoadValid();

        Assert.Equal("from-flag", options.ServiceName);
        Assert.Equal(new Uri("http://flag:4317"), options.OtlpEndpoint);
        Assert.Equal(OtlpWireProtocol.Grpc, options.OtlpProtocol);
        Assert.Equal(0.1, options.Sampling.Rate);
        Assert.Equal([ExporterKind.Console, ExporterKind.Otlp], options.EffectiveExporters());
        // Untouched by higher layers: still the YAML's.
        Assert.Equal(SamplerType.AlwaysOn, options.Sampling.Type);
        Assert.Equal(1000, options.Batch.MaxQueueSize);
    }

    [Fact]
    public void Load_FlagOverridesYamlList_TakesTheWholeListFromTheFlag()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("""
                tracing:
                  exporters: [otlp, zipkin, console]
                """)
            .WithFlag("--exporter", ConfigKeys.Exporters, "console");

        var options = scenario.LoadValid();

        Assert.Equal([ExporterKind.Console], options.Exporters);
    }

    [Fact]
    public void Load_HeadersInYamlAndEnvironment_MergesEntriesWithEnvironmentWinning()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("""
                tracing:
                  otlp_headers: { x-api-key: "yaml-key", x-team: core }
                """)
            .WithEnv("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=env-key");

        var options = scenario.LoadValid();

        Assert.Equal("env-key", options.OtlpHeaders["x-api-key"]);
        Assert.Equal("core", options.OtlpHeaders["x-team"]);
    }

    [Fact]
    public void Load_ProblemFromEachLayer_NamesTheWinningSource()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("""
                tracing:
                  sampling:
                    rate: 3
                """)
            .WithEnv("OTEL_TRACES_SAMPLER_ARG", "2")
            .WithFlag("--sampling-rate", ConfigKeys.SamplingRate, "1.5");

        var problem = scenario.LoadSingleError("tracing.sampling.rate");

        Assert.Equal("flag --sampling-rate", problem.Source);
        Assert.Equal("1.5", problem.Value);
    }
}
