using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>The <c>Test</c> orchestration running the real <c>dotnet test</c> on a copy of <c>samples/dotnet-xunit</c> (30–60 s).</summary>
public sealed class OrchestrationDotnetTests
{
    [Fact]
    public async Task Run_XunitSampleWithCoverage_FourPassedOneSkippedAndAPercentage()
    {
        await using var harness = await OrchestrationHarness.StartAsync();
        var path = harness.CopySample("dotnet-xunit");

        var result = await harness.RunAsync(new TestRunRequest { Framework = TestFramework.Dotnet, Path = path, Coverage = true });

        var target = Assert.Single(result.Targets);
        Assert.True(result.Success, $"{result.Error} {target.Error} {string.Join('\n', target.OutputTail ?? [])}");
        Assert.Equal("Sample.Tests.csproj", target.Target);
        Assert.Equal((5, 4, 0, 1, 0), (result.Total, result.Passed, result.Failed, result.Skipped, result.Errors));
        Assert.Equal(0, target.ExitCode);
        Assert.InRange(result.CoveragePercentage ?? -1, 0, 100);
    }
}
