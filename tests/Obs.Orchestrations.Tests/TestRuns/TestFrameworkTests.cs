using Obs.Orchestrations.TestRuns;

namespace Obs.Orchestrations.Tests.TestRuns;

public sealed class TestFrameworkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FindPytestFiles_FindsBothNamingStylesAndSkipsEnvironmentsAndCaches()
    {
        var expected = new[]
        {
            _dir.Write("test_root.py"),
            _dir.Write("pkg/test_a.py"),
            _dir.Write("pkg/sub/b_test.py"),
        };
        _dir.Write("pkg/helpers.py");
        _dir.Write("pkg/testing.py");
        _dir.Write("pkg/test_data.json");
        _dir.Write("venv/lib/test_venv.py");
        _dir.Write(".venv/lib/test_dotvenv.py");
        _dir.Write(".git/test_git.py");
        _dir.Write("node_modules/x/test_node.py");
        _dir.Write("pkg/__pycache__/test_a.py");
        _dir.Write("myenv/pyvenv.cfg");
        _dir.Write("myenv/lib/test_named_env.py");

        var found = TestFramework.FindPytestFiles(_dir.Path);

        Assert.Equal(expected.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void FindInheritedTestProjectCandidates_ProjectsUnderABuildFileMentioningTheTestSdk()
    {
        _dir.Write("tests/Directory.Build.props", """
            <Project>
              <ItemGroup Condition="$(MSBuildProjectName.EndsWith('.Tests'))">
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.12.0" />
              </ItemGroup>
            </Project>
            """);
        var inherited = _dir.Write("tests/C.Tests/C.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        var helper = _dir.Write("tests/Helpers/Helpers.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        _dir.Write("tests/D.Tests/D.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>""");
        _dir.Write("src/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");

        var candidates = TestFramework.FindInheritedTestProjectCandidates(_dir.Path);

        Assert.Equal([inherited, helper], candidates);
    }

    [Fact]
    public void FindDotnetTestProjects_RecognisesTestSdkAndIsTestProject()
    {
        var sdk = _dir.Write("tests/A.Tests/A.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.12.0" /></ItemGroup>
            </Project>
            """);
        var flagged = _dir.Write("tests/B.Tests/B.Tests.fsproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><IsTestProject> true </IsTestProject></PropertyGroup>
            </Project>
            """);
        _dir.Write("src/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup></Project>""");
        _dir.Write("tests/A.Tests/obj/A.Tests.csproj.nuget.g.props", "Microsoft.NET.Test.Sdk");
        _dir.Write("tests/A.Tests/bin/Debug/Copy.csproj", "Microsoft.NET.Test.Sdk");

        var found = TestFramework.FindDotnetTestProjects(_dir.Path);

        Assert.Equal([sdk, flagged], found);
    }

    [Fact]
    public void FindDotnetTestProjects_RecognisesTestingPlatformProjects()
    {
        var mstest = _dir.Write("tests/M.Tests/M.Tests.csproj", """<Project Sdk="MSTest.Sdk/4.5.3"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        var xunit = _dir.Write("tests/X.Tests/X.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup><PackageReference Include="xunit.v3" Version="4.0.3" /></ItemGroup>
            </Project>
            """);
        var tunit = _dir.Write("tests/T.Tests/T.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="TUnit" /></ItemGroup></Project>""");
        var runner = _dir.Write("tests/R.Tests/R.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><EnableMSTestRunner>true</EnableMSTestRunner></PropertyGroup>
              <ItemGroup><PackageReference Include="MSTest" Version="4.5.3" /></ItemGroup>
            </Project>
            """);
        // Libraries that only use a framework's assertions or extensibility are not test projects.
        _dir.Write("src/Asserts/Asserts.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit.v3.assert" /><PackageReference Include="TUnit.Assertions" /></ItemGroup></Project>""");
        _dir.Write("src/Extension/Extension.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit.v3.extensibility.core" /></ItemGroup></Project>""");

        var found = TestFramework.FindDotnetTestProjects(_dir.Path);

        Assert.Equal([mstest, runner, tunit, xunit], found);
    }

    [Fact]
    public void FindInheritedTestProjectCandidates_PlatformFrameworkInSharedBuildFile_IsACandidate()
    {
        _dir.Write("Directory.Packages.props", """<Project><ItemGroup><PackageVersion Include="xunit.v3" Version="4.0.3" /></ItemGroup></Project>""");
        var project = _dir.Write("src/App.Tests/App.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");

        Assert.Equal([project], TestFramework.FindInheritedTestProjectCandidates(_dir.Path));
    }

    [Fact]
    public void Find_MissingRoot_FindsNothing()
    {
        Assert.Empty(TestFramework.FindPytestFiles(Path.Combine(_dir.Path, "missing")));
    }

    [Fact]
    public void ResolvePytestCommand_PytestOnPath_UsesIt()
    {
        var empty = Path.Combine(_dir.Path, "empty");
        Directory.CreateDirectory(empty);
        var pytest = _dir.Write("bin/pytest", "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pytest, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var command = TestFramework.ResolvePytestCommand(string.Join(Path.PathSeparator, empty, Path.GetDirectoryName(pytest)));

        Assert.Equal([pytest], command);
    }

    [Fact]
    public void ResolvePytestCommand_NoPytest_FallsBackToPythonModule()
    {
        Assert.Equal(["python3", "-m", "pytest"], TestFramework.ResolvePytestCommand(_dir.Path));
        Assert.Equal(["python3", "-m", "pytest"], TestFramework.ResolvePytestCommand(string.Empty));
    }

    [Fact]
    public void FindOnPath_NonExecutableFile_IsIgnored()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        var plain = _dir.Write("bin/pytest", "not executable");
        File.SetUnixFileMode(plain, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(TestFramework.FindOnPath("pytest", Path.GetDirectoryName(plain)));
    }
}
