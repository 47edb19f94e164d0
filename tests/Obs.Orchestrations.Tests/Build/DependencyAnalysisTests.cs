using Obs.Orchestrations.Build;

namespace Obs.Orchestrations.Tests.Build;

public sealed class DependencyAnalysisTests
{
    [Fact]
    public void Analyze_RequirementsTxt_ReadsPinnedRangedAndBareNames()
    {
        using var dir = new TempDirectory();
        dir.Write("requirements.txt", """
            # tools
            requests==2.31.0
            flask>=2.0,<3  # web
            uvicorn[standard]>=0.20
            numpy
            pywin32==306; sys_platform == "win32"
            -r other.txt
            -e .

            """);

        var deps = AnalyzeDependenciesActivity.Analyze(dir.Path);

        Assert.Equal(["requests@2.31.0", "flask@>=2.0,<3", "uvicorn@>=0.20", "numpy", "pywin32@306"], deps.Select(d => d.ToString()));
        Assert.All(deps, d => Assert.Equal(("pypi", "requirements.txt"), (d.Ecosystem, d.Source)));
    }

    [Fact]
    public void Analyze_PyProject_ReadsPep621AndPoetryTables()
    {
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", """
            [project]
            name = "demo"
            dependencies = [
                "httpx>=0.27",
                "rich==13.7.1",  # pretty
                "click",
            ]

            [project.optional-dependencies]
            dev = ["pytest"]

            [tool.poetry.dependencies]
            python = "^3.11"
            django = "^5.0"
            celery = { version = "5.3.6", extras = ["redis"] }

            [tool.other]
            dependencies = ["not-this"]
            """);

        var deps = AnalyzeDependenciesActivity.Analyze(dir.Path);

        Assert.Equal(["httpx@>=0.27", "rich@13.7.1", "click", "django@^5.0", "celery@5.3.6"], deps.Select(d => d.ToString()));
    }

    [Fact]
    public void Analyze_PyProject_SingleLineList()
    {
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[project]\ndependencies = [\"a==1\", \"b\"]\nversion = \"1\"\n");

        Assert.Equal(["a@1", "b"], AnalyzeDependenciesActivity.Analyze(dir.Path).Select(d => d.ToString()));
    }

    [Fact]
    public void Analyze_Csproj_ReadsVersionAttributeChildAndCentralManagement()
    {
        using var dir = new TempDirectory();
        dir.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Serilog" Version="3.1.1" />
                <PackageReference Include="Polly">
                  <Version>8.2.0</Version>
                </PackageReference>
                <PackageReference Include="Central" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("src/App/bin/Debug/Copy.csproj", "<Project><ItemGroup><PackageReference Include=\"Ignored\" Version=\"1\" /></ItemGroup></Project>");

        var deps = AnalyzeDependenciesActivity.Analyze(dir.Path);

        Assert.Equal(["Serilog@3.1.1", "Polly@8.2.0", "Central"], deps.Select(d => d.ToString()));
        Assert.All(deps, d => Assert.Equal(("nuget", "src/App/App.csproj"), (d.Ecosystem, d.Source)));
    }

    [Fact]
    public void Analyze_PackageJson_ReadsDependenciesAndDevDependencies()
    {
        using var dir = new TempDirectory();
        dir.Write("package.json", """
            { "name": "web", "dependencies": { "react": "^18.2.0" }, "devDependencies": { "vite": "5.0.0" }, "scripts": { "x": "y" } }
            """);

        var deps = AnalyzeDependenciesActivity.Analyze(dir.Path);

        Assert.Equal(["react@^18.2.0", "vite@5.0.0"], deps.Select(d => d.ToString()));
        Assert.All(deps, d => Assert.Equal("npm", d.Ecosystem));
    }

    [Fact]
    public void Analyze_BrokenManifests_AreIgnored()
    {
        using var dir = new TempDirectory();
        dir.Write("package.json", "{ not json");
        dir.Write("x.csproj", "<Project");

        Assert.Empty(AnalyzeDependenciesActivity.Analyze(dir.Path));
    }
}
