using YamlDotNet.RepresentationModel;

namespace Obs.Deploy.Tests;

/// <summary>deploy/otel-collector.yaml: the OpenTelemetry Collector configuration, and Prometheus scraping it.</summary>
public sealed class CollectorConfigTests
{
    internal const string ConfigPath = "deploy/otel-collector.yaml";
    private const string PrometheusPath = "deploy/prometheus.yml";

    private static readonly string[] ComponentKinds = ["receivers", "processors", "exporters"];

    private static YamlMappingNode Config() => Repo.ReadYaml(ConfigPath);

    private static IEnumerable<(string Pipeline, string Kind, string Component)> PipelineComponents(YamlMappingNode config) =>
        from pipeline in config.Map("service").Map("pipelines").Children
        let pipelineName = ((YamlScalarNode)pipeline.Key).Value ?? ""
        let body = (YamlMappingNode)pipeline.Value
        from kind in ComponentKinds
        where body.Has(kind)
        from component in body.Seq(kind).Strings()
        select (pipelineName, kind, component);

    private static IReadOnlyList<string> Exporters(YamlMappingNode config, string pipeline) =>
        [.. config.Map("service").Map("pipelines").Map(pipeline).Seq("exporters").Strings()];

    [Fact]
    public void Collector_EveryPipelineComponent_IsDefined()
    {
        var config = Config();
        foreach (var (pipeline, kind, component) in PipelineComponents(config))
        {
            Assert.True(config.Map(kind).Has(component), $"pipeline {pipeline} uses {kind[..^1]} '{component}', which is not defined under {kind}");
        }

        if (config.Map("service").Has("extensions"))
        {
            foreach (var extension in config.Map("service").Seq("extensions").Strings())
            {
                Assert.True(config.Map("extensions").Has(extension), $"extension '{extension}' is not defined");
            }
        }
    }

    [Fact]
    public void Collector_EveryDefinedComponent_IsUsedByAPipeline()
    {
        var config = Config();
        var used = PipelineComponents(config).Select(c => (c.Kind, c.Component)).ToHashSet();
        foreach (var kind in ComponentKinds)
        {
            foreach (var component in config.Map(kind).Keys())
            {
                Assert.True(used.Contains((kind, component)), $"{kind[..^1]} '{component}' is defined but no pipeline uses it");
            }
        }
    }

    [Fact]
    public void Collector_Pipelines_ReceiveOtlp_AndLimitMemoryFirst()
    {
        var config = Config();
        var otlp = config.Map("receivers").Map("otlp").Map("protocols");
        Assert.Equal("0.0.0.0:4317", otlp.Map("grpc").Str("endpoint"));
        Assert.Equal("0.0.0.0:4318", otlp.Map("http").Str("endpoint"));

        foreach (var pipeline in new[] { "traces", "metrics" })
        {
            var body = config.Map("service").Map("pipelines").Map(pipeline);
            Assert.Contains("otlp", body.Seq("receivers").Strings());
            var processors = body.Seq("processors").Strings().ToList();
            Assert.Contains("batch", processors);
            if (processors.Contains("memory_limiter"))
            {
                Assert.Equal("memory_limiter", processors[0]);
            }
        }

        Assert.Equal("memory_limiter", config.Map("service").Map("pipelines").Map("traces").Seq("processors").Strings().First());
    }

    [Fact]
    public void Collector_TracesPipeline_ExportsToJaegerZipkinAndOtlp()
    {
        var config = Config();
        var exporters = Exporters(config, "traces");
        Assert.Contains("otlp/jaeger", exporters);
        Assert.Contains("zipkin", exporters);
        Assert.Contains("otlp", exporters);

        // Jaeger ingests OTLP natively: an otlp-type exporter pointed at Jaeger's OTLP/gRPC port.
        var jaeger = config.Map("exporters").Map("otlp/jaeger");
        Assert.Equal("jaeger:4317", jaeger.Str("endpoint"));
        Assert.Equal("true", jaeger.Map("tls").Str("insecure"));
        Assert.Equal("http://zipkin:9411/api/v2/spans", config.Map("exporters").Map("zipkin").Str("endpoint"));
    }

    [Fact]
    public void Collector_GenericOtlpBackend_IsConfiguredFromTheEnvironment()
    {
        var otlp = Config().Map("exporters").Map("otlp");
        Assert.StartsWith("${env:", otlp.Str("endpoint"), StringComparison.Ordinal);
        foreach (var header in otlp.Map("headers").StringMap().Values)
        {
            Assert.StartsWith("${env:", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Collector_MetricsPipeline_ExportsToPrometheus_OnThePortPrometheusScrapes()
    {
        var config = Config();
        Assert.Contains("prometheus", Exporters(config, "metrics"));
        var endpoint = config.Map("exporters").Map("prometheus").Str("endpoint");
        Assert.Equal("0.0.0.0:8889", endpoint);
        var port = endpoint.Split(':')[^1];

        var targets =
            from job in Repo.ReadYaml(PrometheusPath).Seq("scrape_configs").Maps()
            from staticConfig in job.Seq("static_configs").Maps()
            from target in staticConfig.Seq("targets").Strings()
            select target;
        Assert.Contains("otel-collector:" + port, targets);
    }
}
