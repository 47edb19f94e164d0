using System.Text.Json;
using Obs.Telemetry.Metrics;

namespace Obs.Deploy.Tests;

/// <summary>deploy/grafana/dashboards/obs-overview.json against the metrics Obs actually exports.</summary>
public sealed class DashboardTests
{
    private const string DashboardPath = "deploy/grafana/dashboards/obs-overview.json";

    private static JsonDocument Load() => JsonDocument.Parse(Repo.ReadText(DashboardPath));

    private static List<JsonElement> Panels(JsonDocument dashboard)
    {
        // Panels may be nested in rows.
        var panels = new List<JsonElement>();
        void Walk(JsonElement list)
        {
            foreach (var panel in list.EnumerateArray())
            {
                panels.Add(panel);
                if (panel.TryGetProperty("panels", out var nested) && nested.ValueKind == JsonValueKind.Array)
                {
                    Walk(nested);
                }
            }
        }

        Walk(dashboard.RootElement.GetProperty("panels"));
        return panels;
    }

    private static IEnumerable<(string Title, string Expr)> Queries(JsonDocument dashboard) =>
        from panel in Panels(dashboard)
        where panel.TryGetProperty("targets", out _)
        from target in panel.GetProperty("targets").EnumerateArray()
        where target.TryGetProperty("expr", out _)
        select (panel.GetProperty("title").GetString() ?? "", target.GetProperty("expr").GetString() ?? "");

    private static JsonElement PanelTitled(JsonDocument dashboard, string title) =>
        Assert.Single(Panels(dashboard), p => string.Equals(p.GetProperty("title").GetString(), title, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Dashboard_IsAGrafanaDashboardModel_WithAPrometheusDatasourceVariable()
    {
        using var dashboard = Load();
        var root = dashboard.RootElement;
        Assert.InRange(root.GetProperty("schemaVersion").GetInt32(), 36, 50);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("uid").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));

        var variable = Assert.Single(
            root.GetProperty("templating").GetProperty("list").EnumerateArray(),
            v => v.GetProperty("name").GetString() == "DS_PROMETHEUS");
        Assert.Equal("datasource", variable.GetProperty("type").GetString());
        Assert.Equal("prometheus", variable.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("Build duration p95")]
    [InlineData("Build success rate")]
    [InlineData("Test coverage")]
    [InlineData("Failed tests")]
    [InlineData("Benchmark latency p95")]
    public void Dashboard_HasTheOriginalDesignPanel(string title)
    {
        using var dashboard = Load();
        var panel = PanelTitled(dashboard, title);
        Assert.NotEmpty(panel.GetProperty("targets").EnumerateArray());
        Assert.True(panel.TryGetProperty("gridPos", out _), $"panel '{title}' has no gridPos");
    }

    [Fact]
    public void Dashboard_EveryPanelQuery_UsesAnExportedMetric()
    {
        using var dashboard = Load();
        var exported = PrometheusNames.AllSeries();
        var queries = Queries(dashboard).ToList();
        Assert.NotEmpty(queries);

        foreach (var (title, expr) in queries)
        {
            var metrics = PromQl.MetricNames(expr);
            Assert.True(metrics.Count > 0, $"panel '{title}': no metric in `{expr}`");
            var unknown = metrics.Where(m => !exported.Contains(m)).ToList();
            Assert.True(
                unknown.Count == 0,
                $"panel '{title}': `{expr}` uses {string.Join(", ", unknown)}, which Obs does not export. Exported: {string.Join(", ", exported.Order(StringComparer.Ordinal))}");
        }
    }

    [Theory]
    [InlineData("Build duration p95", ObsInstruments.BuildDurationName)]
    [InlineData("Build success rate", ObsInstruments.BuildSucceededName)]
    [InlineData("Build success rate", ObsInstruments.BuildRunsName)]
    [InlineData("Test coverage", ObsInstruments.TestCoverageName)]
    [InlineData("Failed tests", ObsInstruments.TestFailedName)]
    [InlineData("Benchmark latency p95", ObsInstruments.BenchmarkLatencyName)]
    public void Dashboard_Panel_QueriesItsInstrument(string title, string instrumentName)
    {
        using var dashboard = Load();
        var panel = PanelTitled(dashboard, title);
        var series = PrometheusNames.SeriesOf(PrometheusNames.Instrument(instrumentName));
        var metrics = panel.GetProperty("targets").EnumerateArray()
            .SelectMany(t => PromQl.MetricNames(t.GetProperty("expr").GetString() ?? ""))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(metrics, series.Contains);
    }

    [Theory]
    [InlineData("Build duration p95")]
    [InlineData("Benchmark latency p95")]
    public void Dashboard_P95Panels_TakeTheQuantileOfHistogramBuckets(string title)
    {
        using var dashboard = Load();
        var expr = Assert.Single(Queries(dashboard), q => q.Title == title).Expr;
        Assert.Contains("histogram_quantile(0.95", expr, StringComparison.Ordinal);
        Assert.Contains("_bucket[", expr, StringComparison.Ordinal);
        Assert.Contains("by (le)", expr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_PanelsUseTheTemplatedPrometheusDatasource_AndHaveUniqueIds()
    {
        using var dashboard = Load();
        var panels = Panels(dashboard);
        foreach (var panel in panels)
        {
            var datasource = panel.GetProperty("datasource");
            Assert.Equal("prometheus", datasource.GetProperty("type").GetString());
            Assert.Equal("${DS_PROMETHEUS}", datasource.GetProperty("uid").GetString());
        }

        var ids = panels.Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void PrometheusNames_AreDerivedLikeTheCollectorsPrometheusExporter()
    {
        Assert.Equal(
            ["obs_build_duration_seconds_bucket", "obs_build_duration_seconds_sum", "obs_build_duration_seconds_count"],
            PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.BuildDurationName)));
        Assert.Equal(["obs_build_runs_total"], PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.BuildRunsName)));
        Assert.Equal(["obs_build_succeeded_total"], PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.BuildSucceededName)));
        Assert.Equal(["obs_test_failed_total"], PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.TestFailedName)));
        Assert.Equal(["obs_test_coverage_percent"], PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.TestCoverageName)));
        Assert.Contains("obs_benchmark_latency_milliseconds_bucket", PrometheusNames.SeriesOf(PrometheusNames.Instrument(ObsInstruments.BenchmarkLatencyName)));
    }

    [Fact]
    public void PromQl_MetricNames_IgnoresFunctionsLabelsRangesAndGrouping()
    {
        var names = PromQl.MetricNames(
            "histogram_quantile(0.95, sum by (le, job) (rate(obs_build_duration_seconds_bucket{job=~\"$job\", le!=\"+Inf\"}[5m]))) / on (job) group_left bool other_metric offset 1h > 1e3");
        Assert.Equal(["obs_build_duration_seconds_bucket", "other_metric"], names.Order(StringComparer.Ordinal));
    }
}
