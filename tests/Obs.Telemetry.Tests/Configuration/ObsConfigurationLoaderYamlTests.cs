using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

public sealed class ObsConfigurationLoaderYamlTests
{
    private const string DocumentedFormat = """
        tracing:
          service_name: "obs-010-service"
          service_version: "1.0.0"
          console_exporter: true
          jaeger_endpoint: "http://localhost:4317"
          otlp_endpoint: "http://localhost:4317"
          zipkin_endpoint: "http://localhost:9411/api/v2/spans"
          sampling:
            type: "probabilistic"
            rate: 0.75
            max_traces_per_second: 50
          exporters: [otlp, console]
          otlp_protocol: http/protobuf
          otlp_headers: { x-api-key: "k3y" }
          otlp_timeout_millis: 2000
          enabled: true
          trace_url_template: "http://localhost:16686/trace/{traceId}"
          resource_attributes: { team: core }
          batch:
            max_queue_size: 4096
            schedule_delay_millis: 1000
            max_export_batch_size: 256
            export_timeout_millis: 15000
          redaction:
            enabled: false
            patterns: ["(?i)internal-[a-z0-9]+"]
        app:
          name: "My Traced Application"
          version: "2.0.0"
          environment: "production"
        """;

    [Fact]
    public void Load_DocumentedFormat_ReadsEveryKey()
    {
        using var scenario = new ConfigScenario().WithYaml(DocumentedFormat);

        var o = scenario.LoadValid();

        Assert.Equal("obs-010-service", o.ServiceName);
        Assert.Equal("1.0.0", o.ServiceVersion);
        Assert.True(o.ConsoleExporter);
        Assert.Equal(new Uri("http://localhost:4317"), o.JaegerEndpoint);
        Assert.Equal(new Uri("http://localhost:4317"), o.OtlpEndpoint);
        Assert.False(o.OtlpEndpointIsSignalSpecific);
        Assert.Equal(new Uri("http://localhost:9411/api/v2/spans"), o.ZipkinEndpoint);
        Assert.Equal(SamplerType.ParentBasedTraceIdRatio, o.Sampling.Type);
        Assert.Equal(0.75, o.Sampling.Rate);
        Assert.Equal(50, o.Sampling.MaxTracesPerSecond);
        Assert.Equal([ExporterKind.Otlp, ExporterKind.Console], o.Exporters);
        Assert.Equal(OtlpWireProtocol.HttpProtobuf, o.OtlpProtocol);
        Assert.Equal("k3y", o.OtlpHeaders["x-api-key"]);
        Assert.Equal(2000, o.OtlpTimeoutMillis);
        Assert.False(o.Disabled);
        Assert.Equal("http://localhost:16686/trace/{traceId}", o.TraceUrlTemplate);
        Assert.Equal("core", o.ResourceAttributes["team"]);
        Assert.Equal(4096, o.Batch.MaxQueueSize);
        Assert.Equal(1000, o.Batch.ScheduleDelayMillis);
        Assert.Equal(256, o.Batch.MaxExportBatchSize);
        Assert.Equal(15000, o.Batch.ExportTimeoutMillis);
        Assert.False(o.Redaction.Enabled);
        Assert.Equal(["(?i)internal-[a-z0-9]+"], o.Redaction.Patterns);
        Assert.Equal("My Traced Application", o.App.Name);
        Assert.Equal("2.0.0", o.App.Version);
        Assert.Equal("production", o.App.Environment);
    }

    [Fact]
    public void Load_EnabledFalse_Disables()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  enabled: false\n");

        Assert.True(scenario.LoadValid().Disabled);
    }

    [Fact]
    public void Load_EmptyExporterList_ExportsNothing()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  console_exporter: true\n  exporters: []\n");

        Assert.Empty(scenario.LoadValid().EffectiveExporters());
    }

    [Fact]
    public void Load_ExportersAsCommaString_IsAccepted()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  exporters: \"zipkin, console\"\n");

        Assert.Equal([ExporterKind.Zipkin, ExporterKind.Console], scenario.LoadValid().Exporters);
    }

    [Fact]
    public void Load_NoExportersKey_DerivesExportersFromEndpoints()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  console_exporter: true\n  zipkin_endpoint: \"http://z:9411/api/v2/spans\"\n");

        Assert.Equal([ExporterKind.Console, ExporterKind.Zipkin], scenario.LoadValid().EffectiveExporters());
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  service_name: obs\n  sampling: rate: 1\n");

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("(file)", problem.Key);
        Assert.Equal($"{scenario.YamlPath}:3", problem.Source);
        Assert.Contains("line 3, column", problem.Message, StringComparison.Ordinal);
        Assert.Equal(scenario.YamlPath, result.ConfigFile);
    }

    [Fact]
    public void Load_UnclosedFlowSequence_ReportsSyntaxErrorInsteadOfThrowing()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  exporters: [otlp,\n  service_name: obs\n");

        var problem = Assert.Single(scenario.Load().Errors);

        Assert.Equal("(file)", problem.Key);
        Assert.StartsWith($"{scenario.YamlPath}:", problem.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsTheSecondOccurrence()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  service_name: a\n  service_name: b\n");

        var problem = scenario.LoadSingleError("tracing.service_name");

        Assert.Equal($"{scenario.YamlPath}:3", problem.Source);
    }

    [Fact]
    public void Load_ExplicitFileMissing_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithConfigPath("does/not/exist.yaml");

        var result = scenario.Load();

        var problem = Assert.Single(result.Errors);
        Assert.Equal("(file)", problem.Key);
        Assert.Equal("flag --config", problem.Source);
        Assert.Equal("does/not/exist.yaml", problem.Value);
        Assert.Null(result.ConfigFile);
    }

    [Fact]
    public void Load_DefaultFileMissing_UsesDefaultsWithoutProblem()
    {
        using var scenario = new ConfigScenario();

        var result = scenario.Load();

        Assert.True(result.IsValid);
        Assert.Null(result.ConfigFile);
        Assert.Equal(ObsDefaults.ServiceName, result.Options.ServiceName);
    }

    [Fact]
    public void Load_EmptyFile_UsesDefaults()
    {
        using var scenario = new ConfigScenario().WithYaml("# nothing yet\n");

        var result = scenario.Load();

        Assert.True(result.IsValid);
        Assert.Equal(scenario.YamlPath, result.ConfigFile);
    }

    [Theory]
    [InlineData("tracing:\n  servce_name: typo\n", "tracing.servce_name", "typo")]
    [InlineData("tracing:\n  sampling:\n    ratio: 0.5\n", "tracing.sampling.ratio", "0.5")]
    [InlineData("tracing:\n  batch:\n    max_queue: 5\n", "tracing.batch.max_queue", "5")]
    [InlineData("tracing:\n  redaction:\n    enable: true\n", "tracing.redaction.enable", "true")]
    [InlineData("app:\n  nmae: x\n", "app.nmae", "x")]
    public void Load_UnknownKeyInKnownSection_ReportsItWithLine(string yaml, string key, string value)
    {
        using var scenario = new ConfigScenario().WithYaml(yaml);

        var problem = scenario.LoadSingleError(key);

        Assert.Equal(value, problem.Value);
        Assert.Equal(scenario.SourceOf(key[(key.LastIndexOf('.') + 1)..]), problem.Source);
        Assert.Contains("unknown key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownNestedSectionUnderTracing_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  exporter:\n    kind: otlp\n");

        var problem = scenario.LoadSingleError("tracing.exporter");

        Assert.Equal($"{scenario.YamlPath}:2", problem.Source);
    }

    [Fact]
    public void Load_FileNotAMapping_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithYaml("- tracing\n- app\n");

        var problem = scenario.LoadSingleError("(file)");

        Assert.Equal($"{scenario.YamlPath}:1", problem.Source);
    }

    [Fact]
    public void Load_SectionGivenAsValue_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  sampling: fast\n");

        var problem = scenario.LoadSingleError("tracing.sampling");

        Assert.Equal($"{scenario.YamlPath}:2", problem.Source);
        Assert.Equal("fast", problem.Value);
    }

    [Fact]
    public void Load_UnknownTopLevelSection_IsIgnored()
    {
        using var scenario = new ConfigScenario().WithYaml("""
            security:
              anything: [1, 2]
            build:
              steps: { compile: "dotnet build" }
            tracing:
              service_name: svc
            """);

        Assert.Equal("svc", scenario.LoadValid().ServiceName);
    }

    [Fact]
    public void Load_FlagWithUnknownKey_ReportsTheFlag()
    {
        using var scenario = new ConfigScenario().WithFlag("--colour", "tracing:colour", "blue");

        var problem = scenario.LoadSingleError("tracing.colour");

        Assert.Equal("flag --colour", problem.Source);
    }

    [Fact]
    public void Load_ScalarWhereSectionExpected_ReportsIt()
    {
        using var scenario = new ConfigScenario().WithYaml("tracing:\n  sampling:\n    rate:\n      value: 1\n");

        var problem = scenario.LoadSingleError("tracing.sampling.rate");

        Assert.Equal($"{scenario.YamlPath}:3", problem.Source);
    }

    [Fact]
    public void Load_RepositoryConfigFile_IsValidAndExportsToConsoleOnly()
    {
        var path = Path.Combine(RepositoryRoot(), "config", "tracing.yaml");

        var result = ObsConfigurationLoader.Load(new ConfigLoadRequest { ConfigPath = path });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Equal(path, result.ConfigFile);
        Assert.Equal("obs", result.Options.ServiceName);
        Assert.Equal([ExporterKind.Console], result.Options.EffectiveExporters());
        Assert.Equal(SamplerType.ParentBasedTraceIdRatio, result.Options.Sampling.Type);
        Assert.Equal(1.0, result.Options.Sampling.Rate);
        Assert.NotNull(result.Options.App.Name);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Obs.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Obs.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
