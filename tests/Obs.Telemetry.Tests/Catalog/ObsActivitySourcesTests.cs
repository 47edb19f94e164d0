using System.Diagnostics;
using System.Reflection;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Catalog;

public sealed class ObsActivitySourcesTests
{
    private static readonly IReadOnlyList<ActivitySource> _sources =
        [.. typeof(ObsActivitySources).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ActivitySource))
            .Select(f => (ActivitySource)f.GetValue(null)!)];

    [Fact]
    public void AllNames_AreExactlyTheSourcesDeclared_OnceEach()
    {
        Assert.Equal(ObsActivitySources.AllNames.Count, ObsActivitySources.AllNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            ObsActivitySources.AllNames.Order(StringComparer.Ordinal),
            _sources.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllNames_EverySource_HasObsVersion()
    {
        Assert.NotEmpty(_sources);
        Assert.All(_sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Version), $"{s.Name} has no version"));
        Assert.All(_sources, s => Assert.Equal(ObsDefaults.ServiceVersion, s.Version));
    }

    [Fact]
    public void AllNames_NameConstants_MatchTheSources()
    {
        Assert.Equal(ObsActivitySources.CliName, ObsActivitySources.Cli.Name);
        Assert.Equal(ObsActivitySources.BuildName, ObsActivitySources.Build.Name);
        Assert.Equal(ObsActivitySources.TestName, ObsActivitySources.Test.Name);
        Assert.Equal(ObsActivitySources.BenchmarkName, ObsActivitySources.Benchmark.Name);
        Assert.Equal(ObsActivitySources.StartupName, ObsActivitySources.Startup.Name);
        Assert.Equal(ObsActivitySources.OrchestrationsName, ObsActivitySources.Orchestrations.Name);
        Assert.All(ObsActivitySources.AllNames, n => Assert.StartsWith("Obs.", n, StringComparison.Ordinal));
    }
}
