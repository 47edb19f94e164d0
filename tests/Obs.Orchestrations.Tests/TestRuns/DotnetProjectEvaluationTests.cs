using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>Which platform MSBuild's evaluation of a project says runs its tests.</summary>
public sealed class DotnetProjectEvaluationTests
{
    [Fact]
    public void Parse_MSTestSdkBeforeRestore_IsATestingPlatformApplication()
    {
        var evaluation = DotnetProjectEvaluation.Parse("""
            {"Properties":{"IsTestProject":"","IsTestingPlatformApplication":"true","EnableMSTestRunner":"true","TargetFramework":"net10.0","TargetFrameworks":""},
             "Items":{"PackageReference":[{"Identity":"MSTest.TestFramework","Sdk":"MSTest"},{"Identity":"Microsoft.Testing.Extensions.TrxReport","Sdk":"MSTest"}]}}
            """);

        Assert.True(evaluation.UsesTestingPlatform);
        Assert.False(evaluation.ReferencesTestSdk);
        Assert.True(evaluation.IsTest);
        Assert.Equal(["net10.0"], evaluation.TargetFrameworks);
    }

    [Theory]
    [InlineData("xunit.v3")]
    [InlineData("xunit.v3.mtp-v2")]
    [InlineData("TUnit")]
    public void Parse_PlatformFrameworkReferencedBeforeRestore_IsATestingPlatformApplication(string package)
    {
        var evaluation = DotnetProjectEvaluation.Parse($$$"""{"Properties":{"IsTestingPlatformApplication":""},"Items":{"PackageReference":[{"Identity":"{{{package}}}"}]}}""");

        Assert.True(evaluation.UsesTestingPlatform);
        Assert.True(evaluation.IsTest);
    }

    [Fact]
    public void Parse_XunitV3WithoutThePlatform_IsVSTest()
    {
        var evaluation = DotnetProjectEvaluation.Parse("""
            {"Properties":{},"Items":{"PackageReference":[{"Identity":"xunit.v3.mtp-off"},{"Identity":"xunit.runner.visualstudio"},{"Identity":"Microsoft.NET.Test.Sdk"}]}}
            """);

        Assert.False(evaluation.UsesTestingPlatform);
        Assert.True(evaluation.ReferencesTestSdk);
        Assert.True(evaluation.IsTest);
    }

    [Fact]
    public void Parse_MSTestMetaPackageWithoutRunner_IsATestProjectOnVSTest()
    {
        var evaluation = DotnetProjectEvaluation.Parse("""{"Properties":{"EnableMSTestRunner":""},"Items":{"PackageReference":[{"Identity":"MSTest"}]}}""");

        Assert.True(evaluation.IsTest);
        Assert.False(evaluation.UsesTestingPlatform);
    }

    [Fact]
    public void Parse_BuiltProject_ReadsTheApplicationAndEveryFramework()
    {
        var evaluation = DotnetProjectEvaluation.Parse("""
            {"Properties":{"TargetFramework":"","TargetFrameworks":"net8.0; net10.0","RunCommand":"/src/bin/Debug/A.Tests","RunArguments":"",
             "RunWorkingDirectory":"","TargetPath":"/src/bin/Debug/A.Tests.dll","ProjectAssetsFile":"/src/obj/project.assets.json"}}
            """);

        Assert.Equal(["net8.0", "net10.0"], evaluation.TargetFrameworks);
        Assert.Equal("/src/bin/Debug/A.Tests", evaluation.RunCommand);
        Assert.Null(evaluation.RunArguments);
        Assert.Null(evaluation.RunWorkingDirectory);
        Assert.Equal("/src/bin/Debug/A.Tests.dll", evaluation.TargetPath);
        Assert.Equal("/src/obj/project.assets.json", evaluation.ProjectAssetsFile);
        Assert.False(evaluation.IsTest);
    }

    [Theory]
    [InlineData("MSBUILD : error MSB1009: Project file does not exist.")]
    [InlineData("[1, 2]")]
    public void Parse_NotMsBuildJson_KnowsNothing(string text) =>
        Assert.Same(DotnetProjectEvaluation.None, DotnetProjectEvaluation.Parse(text));
}
