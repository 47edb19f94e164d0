using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>The decisions of the Microsoft.Testing.Platform runner that need no process.</summary>
public sealed class TestingPlatformRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Applies_OnlyToDotnetWithoutACommandOfItsOwn()
    {
        Assert.True(TestingPlatformRunner.Applies(new TestRunRequest { Framework = TestFramework.Dotnet }));
        Assert.False(TestingPlatformRunner.Applies(new TestRunRequest { Framework = TestFramework.Dotnet, Command = ["dotnet", "test", "--no-restore"] }));
        Assert.False(TestingPlatformRunner.Applies(new TestRunRequest { Framework = TestFramework.Pytest }));
    }

    [Fact]
    public void Application_AppHost_IsRunCommandAlone()
    {
        var built = new DotnetProjectEvaluation { RunCommand = "/src/bin/A.Tests", TargetPath = "/src/bin/A.Tests.dll" };

        Assert.Equal(["/src/bin/A.Tests"], TestingPlatformRunner.Application(built));
    }

    [Fact]
    public void Application_NoAppHost_IsDotnetExecOnTheQuotedAssembly()
    {
        var built = new DotnetProjectEvaluation { RunCommand = "/usr/share/dotnet/dotnet", RunArguments = "exec \"/src/my tests/bin/A.Tests.dll\"" };

        Assert.Equal(["/usr/share/dotnet/dotnet", "exec", "/src/my tests/bin/A.Tests.dll"], TestingPlatformRunner.Application(built));
    }

    [Fact]
    public void Application_OnlyTheAssembly_RunsItWithDotnetExec()
    {
        Assert.Equal(["dotnet", "exec", "/src/A.dll"], TestingPlatformRunner.Application(new DotnetProjectEvaluation { TargetPath = "/src/A.dll" }));
        Assert.Null(TestingPlatformRunner.Application(DotnetProjectEvaluation.None));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("  a  b ", new[] { "a", "b" })]
    [InlineData("exec \"x y.dll\" --flag", new[] { "exec", "x y.dll", "--flag" })]
    [InlineData("\"\" end", new[] { "", "end" })]
    public void SplitCommandLine_SplitsOnSpacesOutsideQuotes(string line, string[] expected) =>
        Assert.Equal(expected, TestingPlatformRunner.SplitCommandLine(line));

    [Theory]
    [InlineData("""{"libraries":{"Microsoft.Testing.Platform/2.5.3":{},"Microsoft.Testing.Platform.MSBuild/2.5.3":{}}}""", 2)]
    [InlineData("""{"libraries":{"xunit.v3.core.mtp-v1/3.2.2":{},"Microsoft.Testing.Platform.MSBuild/1.9.1":{}}}""", 1)]
    [InlineData("""{"libraries":{"xunit/2.9.3":{}}}""", 0)]
    [InlineData("not json", 0)]
    public void PlatformMajorVersion_ReadsTheResolvedMSBuildPackage(string assets, int expected)
    {
        var file = _dir.Write("obj/project.assets.json", assets);

        Assert.Equal(expected, TestingPlatformRunner.PlatformMajorVersion(file));
    }

    [Fact]
    public void PlatformMajorVersion_NoAssetsFile_IsZero()
    {
        Assert.Equal(0, TestingPlatformRunner.PlatformMajorVersion(null));
        Assert.Equal(0, TestingPlatformRunner.PlatformMajorVersion(Path.Combine(_dir.Path, "missing.json")));
    }

    public void Dispose() => _dir.Dispose();
}
