using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>MSBuild decides the projects that inherit (or not) the test SDK from a shared build file.</summary>
public sealed class DotnetTestProjectProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("""{"Properties":{"IsTestProject":"true"},"Items":{"PackageReference":[]}}""", true)]
    [InlineData("""{"Properties":{"IsTestProject":""},"Items":{"PackageReference":[{"Identity":"Microsoft.NET.Test.Sdk"}]}}""", true)]
    [InlineData("""{"Properties":{"IsTestProject":"false"},"Items":{"PackageReference":[{"Identity":"xunit"}]}}""", false)]
    [InlineData("""{"Properties":{"IsTestProject":""}}""", false)]
    [InlineData("""{"Properties":{"IsTestingPlatformApplication":"true"},"Items":{"PackageReference":[]}}""", true)]
    [InlineData("""{"Properties":{},"Items":{"PackageReference":[{"Identity":"xunit.v3"}]}}""", true)]
    [InlineData("MSBUILD : error MSB1009: Project file does not exist.", false)]
    public void Parse_MsBuildJson_TestProjectWhenFlaggedOrReferencingTheSdk(string json, bool expected) =>
        Assert.Equal(expected, DotnetTestProjectProbe.Parse(json));

    [Fact]
    public async Task FilterAsync_ConditionalSdkInDirectoryBuildProps_KeepsOnlyTheProjectsItApplies()
    {
        _dir.Write("Directory.Build.props", """
            <Project>
              <ItemGroup Condition="$(MSBuildProjectName.EndsWith('.Tests'))">
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.12.0" />
              </ItemGroup>
              <PropertyGroup Condition="'$(MSBuildProjectName)' == 'Flagged'">
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
            </Project>
            """);
        var tests = _dir.Write("App.Tests/App.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        var flagged = _dir.Write("Flagged/Flagged.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        _dir.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        var candidates = TestFramework.FindInheritedTestProjectCandidates(_dir.Path);
        Assert.Equal(3, candidates.Count);

        var confirmed = await DotnetTestProjectProbe.FilterAsync(candidates, CancellationToken.None);

        Assert.Equal([tests, flagged], confirmed);
    }

    [Fact]
    public async Task FilterAsync_XunitV3FromDirectoryBuildProps_KeepsTheProjectsItIsReferencedBy()
    {
        _dir.Write("Directory.Build.props", """
            <Project>
              <ItemGroup Condition="$(MSBuildProjectName.EndsWith('.Tests'))">
                <PackageReference Include="xunit.v3" Version="4.0.3" />
              </ItemGroup>
            </Project>
            """);
        var tests = _dir.Write("App.Tests/App.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup></Project>""");
        _dir.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        var candidates = TestFramework.FindInheritedTestProjectCandidates(_dir.Path);
        Assert.Equal(2, candidates.Count);

        var confirmed = await DotnetTestProjectProbe.FilterAsync(candidates, CancellationToken.None);

        Assert.Equal([tests], confirmed);
        Assert.True((await DotnetTestProjectProbe.EvaluateAsync(tests, CancellationToken.None)).UsesTestingPlatform);
    }

    public void Dispose() => _dir.Dispose();
}
