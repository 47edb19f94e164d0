using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

public sealed class ObsConfigurationLoaderValidationTests
{
    [Fact]
    public void Load_RateAboveOne_ReportsKeySourceAndValue()
    {
        using var scenario = new ConfigScenario().WithYaml("""
            tracing:
              sampling:
                type: probabilistic
                rate: 1.5
            """);

        var problem = scenario.LoadSingleError("tracing.sampling.rate");

        Assert.Equal(scenario.SourceOf("rate: 1.5"), problem.Source);
        Assert.Equal("1.5", problem.Value);
        Assert.EndsWith(":4", problem.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RateNotANumber_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_SAMPLER_ARG", "half");

        var problem = scenario.LoadSingleError("tracing.sampling.rate");

        Assert.Equal("env OTEL_TRACES_SAMPLER_ARG", problem.Source);
        Assert.Equal("half", problem.Value);
    }

    [Fact]
    public void Load_RateWithCommaDecimal_IsNotANumber()
    {
        using var scenario = new ConfigScenario().WithFlag("--sampling-rate", ConfigKeys.SamplingRate, "0,5");

        var problem = scenario.LoadSingleError("tracing.sampling.rate");

        Assert.Equal("flag --sampling-rate", problem.Source);
    }

    [Fact]
    public void Load_UnknownSamplerType_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  sampling:\n    type: sometimes\n");

        var problem = scenario.LoadSingleError("tracing.sampling.type");

        Assert.Equal(scenario.SourceOf("type: sometimes"), problem.Source);
        Assert.Equal("sometimes", problem.Value);
        Assert.Contains("unknown sampler", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Load_MaxTracesPerSecondNotPositive_ReportsIt(string value)
    {
        using var scenario = new ConfigScenario().WithYaml($"tracing:\n  sampling:\n    type: adaptive\n    max_traces_per_second: {value}\n");

        var problem = scenario.LoadSingleError("tracing.sampling.max_traces_per_second");

        Assert.Equal(scenario.SourceOf("max_traces_per_second"), problem.Source);
        Assert.Equal(value, problem.Value);
    }

    [Theory]
    [InlineData("otlp_endpoint", "localhost:4317")]
    [InlineData("zipkin_endpoint", "ftp://zipkin/api/v2/spans")]
    [InlineData("jaeger_endpoint", "/relative/path")]
    public void Load_EndpointNotAbsoluteHttpUrl_ReportsIt(string key, string value)
    {
        using var scenario = new ConfigScenario().WithYaml($"tracing:\n  {key}: \"{value}\"\n");

        var problem = scenario.LoadSingleError($"tracing.{key}");

        Assert.Equal(scenario.SourceOf(key), problem.Source);
        Assert.Equal(value, problem.Value);
    }

    [Fact]
    public void Load_EmptyEndpoint_MeansNotSet()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  otlp_endpoint: \"\"\n  zipkin_endpoint:\n");

        var options = scenario.LoadValid();

        Assert.Null(options.OtlpEndpoint);
        Assert.Null(options.ZipkinEndpoint);
    }

    [Theory]
    [InlineData("max_queue_size", "0")]
    [InlineData("schedule_delay_millis", "-1")]
    [InlineData("max_export_batch_size", "12.5")]
    [InlineData("export_timeout_millis", "soon")]
    public void Load_BatchValueNotPositiveInt_ReportsIt(string key, string value)
    {
        using var scenario = new ConfigScenario().WithYaml($"tracing:\n  batch:\n    {key}: {value}\n");

        var problem = scenario.LoadSingleError($"tracing.batch.{key}");

        Assert.Equal(scenario.SourceOf(key), problem.Source);
        Assert.Equal(value, problem.Value);
    }

    [Fact]
    public void Load_ExportBatchLargerThanQueue_NamesBothValues()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("tracing:\n  batch:\n    max_queue_size: 100\n")
            .WithEnv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "500");

        var problem = scenario.LoadSingleError("tracing.batch.max_export_batch_size");

        Assert.Equal("env OTEL_BSP_MAX_EXPORT_BATCH_SIZE", problem.Source);
        Assert.Equal("500", problem.Value);
        Assert.Contains("(500, from env OTEL_BSP_MAX_EXPORT_BATCH_SIZE)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(100, from " + scenario.SourceOf("max_queue_size"), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QueueSmallerThanDefaultBatch_BatchesTheWholeQueue()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_BSP_MAX_QUEUE_SIZE", "1000");

        var result = scenario.Load();

        // A queue set below the default batch (2,048) is valid, as it was when the default batch was 512.
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(1000, result.Options.Batch.MaxQueueSize);
        Assert.Equal(1000, result.Options.Batch.MaxExportBatchSize);
    }

    [Fact]
    public void Load_OtlpTimeoutNotPositive_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_TIMEOUT", "0");

        var problem = scenario.LoadSingleError("tracing.otlp_timeout_millis");

        Assert.Equal("env OTEL_EXPORTER_OTLP_TIMEOUT", problem.Source);
        Assert.Equal("0", problem.Value);
    }

    [Theory]
    [InlineData("console_exporter")]
    [InlineData("enabled")]
    public void Load_BooleanNotTrueOrFalse_ReportsIt(string key)
    {
        using var scenario = new ConfigScenario().WithYaml($"tracing:\n  {key}: yes\n");

        var problem = scenario.LoadSingleError($"tracing.{key}");

        Assert.Equal(scenario.SourceOf(key), problem.Source);
        Assert.Equal("yes", problem.Value);
    }

    [Fact]
    public void Load_InvalidRedactionPattern_NamesThePatternIndex()
    {
        using var scenario = new ConfigScenario().WithYaml("""
            tracing:
              redaction:
                patterns:
                  - "(?i)internal-[a-z0-9]+"
                  - "([unclosed"
            """);

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("tracing.redaction.patterns[1]", problem.Key);
        Assert.Equal(scenario.SourceOf("[unclosed"), problem.Source);
        Assert.Equal("([unclosed", problem.Value);
        Assert.Equal(["(?i)internal-[a-z0-9]+"], result.Options.Redaction.Patterns);
    }

    [Fact]
    public void Load_UnknownExporterInYamlList_NamesTheItem()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  exporters:\n    - otlp\n    - prometheus\n");

        var problem = scenario.LoadSingleError("tracing.exporters[1]");

        Assert.Equal(scenario.SourceOf("prometheus"), problem.Source);
        Assert.Equal("prometheus", problem.Value);
    }

    [Fact]
    public void Load_UnknownExporterInEnvironment_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_TRACES_EXPORTER", "otlp,logging");

        var problem = scenario.LoadSingleError("tracing.exporters");

        Assert.Equal("env OTEL_TRACES_EXPORTER", problem.Source);
        Assert.Equal("logging", problem.Value);
    }

    [Fact]
    public void Load_BadProtocol_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithFlag("--protocol", ConfigKeys.OtlpProtocol, "udp");

        var problem = scenario.LoadSingleError("tracing.otlp_protocol");

        Assert.Equal("flag --protocol", problem.Source);
        Assert.Equal("udp", problem.Value);
    }

    [Fact]
    public void Load_MalformedHeaderInEnvironment_MasksTheSecret()
    {
        using var scenario = new ConfigScenario().WithEnv("OTEL_EXPORTER_OTLP_HEADERS", "x-team=core,s3cr3t-token");

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("tracing.otlp_headers", problem.Key);
        Assert.Equal("env OTEL_EXPORTER_OTLP_HEADERS", problem.Source);
        Assert.Equal("***", problem.Value);
        Assert.DoesNotContain("s3cr3t", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidHeaderNameInYaml_MasksTheValue()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  otlp_headers:\n    \"bad header\": s3cr3t\n");

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("tracing.otlp_headers.bad header", problem.Key);
        Assert.Equal("***", problem.Value);
        Assert.DoesNotContain("s3cr3t", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeadersGivenAsString_MasksTheValue()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  otlp_headers: \"x-api-key=s3cr3t\"\n");

        var problem = scenario.LoadSingleError("tracing.otlp_headers");

        Assert.Equal("***", problem.Value);
    }

    [Fact]
    public void Load_EmptyServiceName_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithFlag("--service-name", ConfigKeys.ServiceName, " ");

        var problem = scenario.LoadSingleError("tracing.service_name");

        Assert.Equal("flag --service-name", problem.Source);
    }

    [Fact]
    public void Load_SeveralBadValues_ReportsEveryOne()
    {
        using var scenario = new ConfigScenario()
            .WithYaml("""
                tracing:
                  console_exporter: maybe
                  otlp_endpoint: "not a url"
                  sampling:
                    type: sometimes
                    rate: 1.5
                  batch:
                    max_queue_size: -1
                  colour: blue
                """)
            .WithEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")
            .WithFlag("--exporter", ConfigKeys.Exporters, "carrier-pigeon");

        var result = scenario.Load();

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "tracing.batch.max_queue_size",
                "tracing.colour",
                "tracing.console_exporter",
                "tracing.exporters",
                "tracing.otlp_endpoint",
                "tracing.otlp_protocol",
                "tracing.sampling.rate",
                "tracing.sampling.type",
            ],
            result.Errors.Select(problem => problem.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_JaegerLegacyThriftEndpoint_MapsToOtlpGrpcWithWarning()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  jaeger_endpoint: \"http://localhost:14268\"\n");

        var result = scenario.Load();

        Assert.True(result.IsValid);
        Assert.Equal(new Uri("http://localhost:4317"), result.Options.JaegerEndpoint);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(
            "tracing.jaeger_endpoint http://localhost:14268 is Jaeger's legacy Thrift collector; Jaeger ingests OTLP natively, "
            + "so Obs sends to http://localhost:4317 (OTLP/gRPC) instead.",
            warning);
    }

    [Fact]
    public void Load_JaegerLegacyThriftPath_MapsToOtlpGrpcOnSameHost()
    {
        using var scenario = new ConfigScenario().WithEnv("JAEGER_ENDPOINT", "https://jaeger.example.com/api/traces");

        var result = scenario.Load();

        Assert.Equal(new Uri("https://jaeger.example.com:4317"), result.Options.JaegerEndpoint);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Load_JaegerOtlpEndpoint_IsKeptWithoutWarning()
    {
        using var scenario = new ConfigScenario().WithEnv("JAEGER_ENDPOINT", "http://jaeger:4317");

        var result = scenario.Load();

        Assert.Equal(new Uri("http://jaeger:4317"), result.Options.JaegerEndpoint);
        Assert.Empty(result.Warnings);
    }
}
