using System.Xml.Linq;

namespace Obs.Deploy.Tests;

/// <summary>deploy/serve/Dockerfile (NativeAOT obs serve) and deploy/functions/Dockerfile (Functions isolated worker).</summary>
public sealed class DockerfileTests
{
    private const string ServePath = "deploy/serve/Dockerfile";
    private const string FunctionsPath = "deploy/functions/Dockerfile";
    private const string CliProject = "cli/Obs.Cli/Obs.Cli.csproj";
    private const string FunctionsProject = "functions/Obs.Functions/Obs.Functions.csproj";

    [Fact]
    public void ServeDockerfile_PublishesTheCli_WithNativeAot()
    {
        var dockerfile = new Dockerfile(ServePath);
        Assert.Equal(2, dockerfile.StageCount);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.BaseImages()[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", dockerfile.BaseImages()[^1], StringComparison.Ordinal);

        var runs = dockerfile.All("RUN").Select(r => r.Arguments).ToList();
        var publish = Assert.Single(runs, r => r.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("dotnet publish " + CliProject, publish, StringComparison.Ordinal);
        Assert.Contains("-p:PublishAot=true", publish, StringComparison.Ordinal);
        Assert.Contains("-r linux-x64", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-o /app", publish, StringComparison.Ordinal);

        // NativeAOT links with clang and needs zlib.
        Assert.Contains(runs, r => r.Contains("clang", StringComparison.Ordinal) && r.Contains("zlib1g-dev", StringComparison.Ordinal));
    }

    [Fact]
    public void ServeDockerfile_EntryPoint_RunsTheObsBinaryServe_OnTheExposedPort()
    {
        var dockerfile = new Dockerfile(ServePath);
        var entrypoint = Assert.Single(dockerfile.InFinalStage("ENTRYPOINT")).ExecForm();

        // The binary is named after the CLI's AssemblyName.
        var assemblyName = XDocument.Load(Repo.PathOf(CliProject)).Descendants("AssemblyName").Single().Value;
        Assert.Equal("/app/" + assemblyName, entrypoint[0]);
        Assert.Equal("serve", entrypoint[1]);
        var urls = entrypoint[entrypoint.ToList().IndexOf("--urls") + 1];
        Assert.Equal("http://0.0.0.0:8000", urls);

        var expose = Assert.Single(dockerfile.InFinalStage("EXPOSE"));
        Assert.Equal("8000", expose.Words[0].Split('/')[0]);
    }

    [Fact]
    public void ServeDockerfile_RunsAsNonRoot_WithTheTracingConfig_AndADataVolume()
    {
        var dockerfile = new Dockerfile(ServePath);

        var user = Assert.Single(dockerfile.InFinalStage("USER")).Arguments;
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });

        Assert.Contains("config/tracing.yaml", dockerfile.ContextSources());
        Assert.True(File.Exists(Repo.PathOf("config/tracing.yaml")));
        var copyConfig = Assert.Single(dockerfile.InFinalStage("COPY"), c => c.Words.Contains("config/tracing.yaml"));
        Assert.Equal("/app/config/tracing.yaml", copyConfig.Words[^1]);
        Assert.Equal("/app/config/tracing.yaml", dockerfile.Environment()["OBS_CONFIG"]);

        // The local engine keeps .obs/state.db under the working directory.
        Assert.Equal("/data", Assert.Single(dockerfile.InFinalStage("WORKDIR")).Arguments);
        Assert.Contains("/data", Assert.Single(dockerfile.InFinalStage("VOLUME")).Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeDockerfile_CopiesEveryProjectTheCliReferences_AndTheRepositoryBuildSettings()
    {
        var dockerfile = new Dockerfile(ServePath);
        var sources = dockerfile.ContextSources().Select(s => s.TrimEnd('/')).ToList();

        bool IsCopied(string relativePath) =>
            sources.Any(s => s == "." || relativePath == s || relativePath.StartsWith(s + "/", StringComparison.Ordinal));

        foreach (var project in ProjectClosure(CliProject))
        {
            Assert.True(IsCopied(project), $"{ServePath} does not copy {project}, which {CliProject} references");
        }

        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt" })
        {
            Assert.True(IsCopied(file), $"{ServePath} does not copy {file}");
        }
    }

    [Fact]
    public void FunctionsDockerfile_UsesTheDotnetIsolatedBaseImage_AndPublishesTheFunctionsProject()
    {
        var dockerfile = new Dockerfile(FunctionsPath);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.BaseImages()[0], StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", dockerfile.BaseImages()[^1]);

        var publish = Assert.Single(dockerfile.All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains("dotnet publish " + FunctionsProject, publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-o /home/site/wwwroot", publish, StringComparison.Ordinal);

        var env = dockerfile.Environment();
        Assert.Equal("/home/site/wwwroot", env["AzureWebJobsScriptRoot"]);
        Assert.Equal("true", env["AzureFunctionsJobHost__Logging__Console__IsEnabled"]);

        var copy = Assert.Single(dockerfile.InFinalStage("COPY"));
        Assert.Contains("--from=build", copy.Words);
        Assert.Equal("/home/site/wwwroot", copy.Words[^1]);
    }

    [Fact]
    public void FunctionsDockerfile_CopiesEveryProjectTheFunctionsAppReferences_WhenItExists()
    {
        if (!File.Exists(Repo.PathOf(FunctionsProject)))
        {
            // functions/ is still being written; the publish path is asserted above.
            return;
        }

        var sources = new Dockerfile(FunctionsPath).ContextSources().Select(s => s.TrimEnd('/')).ToList();
        foreach (var project in ProjectClosure(FunctionsProject))
        {
            Assert.True(
                sources.Any(s => s == "." || project.StartsWith(s + "/", StringComparison.Ordinal)),
                $"{FunctionsPath} does not copy {project}, which {FunctionsProject} references");
        }
    }

    [Theory]
    [InlineData(ServePath)]
    [InlineData(FunctionsPath)]
    public void Dockerfile_EveryCopySource_ExistsInTheRepo(string path)
    {
        var functionsExists = Directory.Exists(Repo.PathOf("functions"));
        foreach (var source in new Dockerfile(path).ContextSources())
        {
            if (!functionsExists && source.StartsWith("functions/", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(
                File.Exists(Repo.PathOf(source)) || Directory.Exists(Repo.PathOf(source)),
                $"{path}: COPY source '{source}' does not exist under the repository root (the build context)");
        }
    }

    [Theory]
    [InlineData(ServePath)]
    [InlineData(FunctionsPath)]
    public void Dockerfile_HasADockerignore_ThatKeepsBuildOutputAndStateOut(string path)
    {
        var ignore = Repo.ReadText(path + ".dockerignore")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains(".git/", ignore);
        Assert.Contains(".obs/", ignore);

        // Nothing the Dockerfile copies is ignored.
        foreach (var source in new Dockerfile(path).ContextSources())
        {
            Assert.DoesNotContain(source.TrimEnd('/') + "/", ignore);
            Assert.DoesNotContain(source, ignore);
        }
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static List<string> ProjectClosure(string project)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (seen.Contains(current))
            {
                continue;
            }

            seen.Add(current);
            var full = Repo.PathOf(current);
            Assert.True(File.Exists(full), $"{current} does not exist");
            foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repo.Root, referenced).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
