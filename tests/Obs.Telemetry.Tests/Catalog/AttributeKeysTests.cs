using Obs.Telemetry.Catalog;

namespace Obs.Telemetry.Tests.Catalog;

public sealed class AttributeKeysTests
{
    public static TheoryData<string> KeyClasses() =>
        [.. CatalogConstants.ClassesOf(typeof(AttributeKeys)).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(KeyClasses))]
    public void Constants_EachClass_AreNonEmptyLowercaseAndUnique(string className)
    {
        var type = typeof(AttributeKeys).GetNestedType(className);
        Assert.NotNull(type);
        var constants = CatalogConstants.Of(type);

        Assert.NotEmpty(constants);
        Assert.All(constants, c => Assert.Matches("^[a-z0-9_.]+$", c.Value));
        Assert.Empty(CatalogConstants.Duplicates(constants));
    }

    [Fact]
    public void Constants_AcrossClasses_OnlyTheResourcePidIsShared()
    {
        var all = CatalogConstants.ClassesOf(typeof(AttributeKeys))
            .SelectMany(t => CatalogConstants.Of(t).Select(c => (Name: $"{t.Name}.{c.Name}", c.Value)));

        Assert.Equal(["'process.pid' is Process.Pid and Resource.ProcessPid"], CatalogConstants.Duplicates(all));
    }

    [Fact]
    public void NestedClasses_CoverEveryArea()
    {
        // Every area of the trace model has its keys in the catalog; components may add areas.
        Assert.Subset(
            CatalogConstants.ClassesOf(typeof(AttributeKeys)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(["Benchmark", "Build", "Cicd", "Error", "Http", "Obs", "Process", "Resource", "Startup", "Test", "Vcs"], StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(AttributeKeys.Build.ProjectPath, "build.project_path")]
    [InlineData(AttributeKeys.Build.StepsCount, "build.steps_count")]
    [InlineData(AttributeKeys.Build.Success, "build.success")]
    [InlineData(AttributeKeys.Build.StepName, "build.step.name")]
    [InlineData(AttributeKeys.Build.StepType, "build.step.type")]
    [InlineData(AttributeKeys.Build.StepCommand, "build.step.command")]
    [InlineData(AttributeKeys.Build.StepDuration, "build.step.duration")]
    [InlineData(AttributeKeys.Build.StepExitCode, "build.step.exit_code")]
    [InlineData(AttributeKeys.Test.Framework, "test.framework")]
    [InlineData(AttributeKeys.Test.SuiteTotal, "test.suite.total")]
    [InlineData(AttributeKeys.Test.SuitePassed, "test.suite.passed")]
    [InlineData(AttributeKeys.Test.SuiteFailed, "test.suite.failed")]
    [InlineData(AttributeKeys.Test.SuiteSkipped, "test.suite.skipped")]
    [InlineData(AttributeKeys.Test.SuiteDuration, "test.suite.duration")]
    [InlineData(AttributeKeys.Test.CaseResult, "test.case.result")]
    [InlineData(AttributeKeys.Test.CoveragePercentage, "test.coverage.percentage")]
    [InlineData(AttributeKeys.Http.LegacyMethod, "http.method")]
    [InlineData(AttributeKeys.Http.LegacyUrl, "http.url")]
    [InlineData(AttributeKeys.Http.LegacyStatusCode, "http.status_code")]
    [InlineData(AttributeKeys.Http.LegacyUserAgent, "http.user_agent")]
    [InlineData(AttributeKeys.Http.LegacyRequestContentLength, "http.request_content_length")]
    public void OriginalDesignKey_IsExactlyAsSpecified(string actual, string expected) => Assert.Equal(expected, actual);

    [Theory]
    [InlineData(AttributeKeys.Test.CaseName, "test.case.name")]
    [InlineData(AttributeKeys.Test.CaseResultStatus, "test.case.result.status")]
    [InlineData(AttributeKeys.Test.SuiteName, "test.suite.name")]
    [InlineData(AttributeKeys.Test.SuiteRunStatus, "test.suite.run.status")]
    [InlineData(AttributeKeys.Http.RequestMethod, "http.request.method")]
    [InlineData(AttributeKeys.Http.ResponseStatusCode, "http.response.status_code")]
    [InlineData(AttributeKeys.Http.UrlFull, "url.full")]
    [InlineData(AttributeKeys.Process.ExecutableName, "process.executable.name")]
    [InlineData(AttributeKeys.Process.ExitCode, "process.exit.code")]
    [InlineData(AttributeKeys.Error.Type, "error.type")]
    [InlineData(AttributeKeys.Error.ExceptionEvent, "exception")]
    [InlineData(AttributeKeys.Error.ExceptionType, "exception.type")]
    [InlineData(AttributeKeys.Error.ExceptionMessage, "exception.message")]
    [InlineData(AttributeKeys.Error.ExceptionStacktrace, "exception.stacktrace")]
    [InlineData(AttributeKeys.Resource.ServiceName, "service.name")]
    [InlineData(AttributeKeys.Resource.DeploymentEnvironmentName, "deployment.environment.name")]
    [InlineData(AttributeKeys.Resource.DeploymentEnvironmentLegacy, "deployment.environment")]
    public void SemanticConventionKey_IsTheSpecificationsName(string actual, string expected) => Assert.Equal(expected, actual);
}
