using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Obs.Deploy.Tests;

/// <summary>deploy/docker-compose.yaml and deploy/grafana/provisioning/*.yaml wire the pieces together.</summary>
public sealed class ComposeAndGrafanaTests
{
    private const string ComposePath = "deploy/docker-compose.yaml";
    private const string DatasourcesPath = "deploy/grafana/provisioning/datasources.yaml";
    private const string DashboardsProviderPath = "deploy/grafana/provisioning/dashboards.yaml";

    private static YamlMappingNode Services() => Repo.ReadYaml(ComposePath).Map("services");

    private static IEnumerable<(string Service, string Source, string Target)> BindMounts() =>
        from service in Services().Children
        let body = (YamlMappingNode)service.Value
        where body.Has("volumes")
        from volume in body.Seq("volumes").Strings()
        let parts = volume.Split(':')
        where parts[0].StartsWith('.')
        select (((YamlScalarNode)service.Key).Value ?? "", parts[0], parts[1]);

    [Fact]
    public void Compose_EveryBindMountSource_AndTheServeBuild_Exist()
    {
        var mounts = BindMounts().ToList();
        Assert.NotEmpty(mounts);
        foreach (var (service, source, _) in mounts)
        {
            var path = Path.GetFullPath(Path.Combine(Repo.PathOf("deploy"), source));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{ComposePath}: service {service} mounts missing {source}");
        }

        var build = Services().Map("obs-serve").Map("build");
        var context = Path.GetFullPath(Path.Combine(Repo.PathOf("deploy"), build.Str("context")));
        Assert.Equal(Path.TrimEndingDirectorySeparator(Repo.Root), Path.TrimEndingDirectorySeparator(context));
        Assert.True(File.Exists(Path.Combine(context, build.Str("dockerfile"))));
    }

    [Fact]
    public void Compose_DefinesEveryHostTheConfigsPointAt()
    {
        var services = Services().Keys().ToHashSet(StringComparer.Ordinal);
        foreach (var host in new[] { "otel-collector", "jaeger", "zipkin", "prometheus", "grafana", "obs-serve" })
        {
            Assert.Contains(host, services);
        }

        // The collector's exporters, Prometheus' scrape target and Grafana's data sources resolve to compose services.
        var collector = Repo.ReadYaml(CollectorConfigTests.ConfigPath).Map("exporters");
        Assert.Contains(collector.Map("otlp/jaeger").Str("endpoint").Split(':')[0], services);
        Assert.Contains(new Uri(collector.Map("zipkin").Str("endpoint")).Host, services);
        foreach (var datasource in Repo.ReadYaml(DatasourcesPath).Seq("datasources").Maps())
        {
            Assert.Contains(new Uri(datasource.Str("url")).Host, services);
        }

        var otlpEndpoint = new Uri(Services().Map("obs-serve").Map("environment").Str("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("otel-collector", otlpEndpoint.Host);
        Assert.Equal(4317, otlpEndpoint.Port);
    }

    [Fact]
    public void GrafanaDatasources_PointAtPrometheusAndJaeger_AndMatchTheDashboardVariable()
    {
        var datasources = Repo.ReadYaml(DatasourcesPath).Seq("datasources").Maps().ToList();
        var prometheus = Assert.Single(datasources, d => d.Str("type") == "prometheus");
        Assert.Equal("http://prometheus:9090", prometheus.Str("url"));
        var jaeger = Assert.Single(datasources, d => d.Str("type") == "jaeger");
        Assert.Equal("http://jaeger:16686", jaeger.Str("url"));

        using var dashboard = JsonDocument.Parse(Repo.ReadText("deploy/grafana/dashboards/obs-overview.json"));
        var variable = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == "DS_PROMETHEUS");
        Assert.Equal(prometheus.Str("uid"), variable.GetProperty("current").GetProperty("value").GetString());
    }

    [Fact]
    public void GrafanaDashboardProvider_ReadsTheFolderComposeMountsTheDashboardsInto()
    {
        var provider = Assert.Single(Repo.ReadYaml(DashboardsProviderPath).Seq("providers").Maps());
        Assert.Equal("file", provider.Str("type"));
        var path = provider.Map("options").Str("path");

        var mount = Assert.Single(BindMounts(), m => m.Service == "grafana" && m.Source.TrimEnd('/') == "./grafana/dashboards");
        Assert.Equal(path, mount.Target);
        Assert.Contains(BindMounts(), m => m.Service == "grafana" && m.Source == "./grafana/provisioning/dashboards.yaml"
            && m.Target.StartsWith("/etc/grafana/provisioning/dashboards/", StringComparison.Ordinal));
        Assert.Contains(BindMounts(), m => m.Service == "grafana" && m.Source == "./grafana/provisioning/datasources.yaml"
            && m.Target.StartsWith("/etc/grafana/provisioning/datasources/", StringComparison.Ordinal));
    }
}
