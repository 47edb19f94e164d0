using Obs.Telemetry.Catalog;

namespace Obs.Telemetry.Tests.Catalog;

public sealed class SpanNamesTests
{
    [Fact]
    public void Constants_All_AreNonEmptyLowercaseAndUnique()
    {
        var constants = CatalogConstants.Of(typeof(SpanNames));

        Assert.NotEmpty(constants);
        Assert.All(constants, c => Assert.Matches("^[a-z0-9_.]+$", c.Value));
        Assert.Empty(CatalogConstants.Duplicates(constants));
    }

    [Theory]
    [InlineData(SpanNames.BuildExecute, "build.execute")]
    [InlineData(SpanNames.BuildStepPrefix, "build.step.")]
    [InlineData(SpanNames.BuildDependencyAnalysis, "build.dependency_analysis")]
    [InlineData(SpanNames.BuildArtifactCollection, "build.artifact_collection")]
    [InlineData(SpanNames.StartupInitialize, "startup.initialize")]
    [InlineData(SpanNames.StartupConfigLoad, "startup.config.load")]
    [InlineData(SpanNames.StartupDependenciesLoad, "startup.dependencies.load")]
    [InlineData(SpanNames.StartupResourcesInitialize, "startup.resources.initialize")]
    [InlineData(SpanNames.StartupHealthChecks, "startup.health_checks")]
    [InlineData(SpanNames.TestSuiteExecute, "test.suite.execute")]
    [InlineData(SpanNames.TestFilePrefix, "test.file.")]
    [InlineData(SpanNames.TestCasePrefix, "test.case.")]
    [InlineData(SpanNames.BenchmarkPerformanceTest, "benchmark.performance_test")]
    public void OriginalDesignName_IsExactlyAsSpecified(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void StartupNames_AreTheFiveOfTheOriginalDesign_PlusTheHttpProbesOrchestration()
    {
        var startup = CatalogConstants.Of(typeof(SpanNames))
            .Where(c => c.Value.StartsWith("startup.", StringComparison.Ordinal))
            .Select(c => c.Value)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["startup.config.load", "startup.dependencies.load", "startup.health_checks", "startup.initialize", "startup.probe", "startup.probe.run", "startup.resources.initialize"],
            startup);
    }

    [Fact]
    public void VariableNames_BuildFromTheirPrefix()
    {
        Assert.Equal("build.step.compile", SpanNames.BuildStep("compile"));
        Assert.Equal("test.file.tests/test_api.py", SpanNames.TestFile("tests/test_api.py"));
        Assert.Equal("test.case.test_login", SpanNames.TestCase("test_login"));
    }
}
