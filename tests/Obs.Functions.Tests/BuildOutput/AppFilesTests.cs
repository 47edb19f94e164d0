using System.Text.Json;

namespace Obs.Functions.Tests.BuildOutput;

/// <summary>The rest of what makes the build output a Functions app: its extensions, its worker and its host settings.</summary>
public sealed class AppFilesTests
{
    private static readonly JsonDocumentOptions s_hostJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Fact]
    public void ExtensionsJson_LoadsTheDurableTaskExtensionFromTheApp()
    {
        using var extensions = Read(FunctionsAppDirectory.ExtensionsFile);

        var durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
        var hintPath = durable.GetProperty("hintPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(FunctionsAppDirectory.Path, hintPath)), $"{hintPath} is not in the app");
    }

    [Fact]
    public void WorkerConfig_StartsTheObsFunctionsWorker()
    {
        using var worker = Read(FunctionsAppDirectory.WorkerConfigFile);

        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        var workerPath = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.Equal(FunctionsAppDirectory.WorkerAssemblyName, Path.GetFileNameWithoutExtension(workerPath));
        Assert.True(File.Exists(Path.Combine(FunctionsAppDirectory.Path, workerPath)), $"{workerPath} is not in the app");
    }

    [Fact]
    public void HostJson_RoutesAtTheRootAndConfiguresDurableTracing()
    {
        using var host = Read(FunctionsAppDirectory.HostFile);

        var root = host.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        var extensions = root.GetProperty("extensions");
        Assert.Equal(string.Empty, extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = extensions.GetProperty("durableTask");
        Assert.False(string.IsNullOrWhiteSpace(durable.GetProperty("hubName").GetString()));
        Assert.True(durable.GetProperty("tracing").GetProperty("distributedTracingEnabled").GetBoolean());
        Assert.Equal("V2", durable.GetProperty("tracing").GetProperty("version").GetString());
        Assert.Equal("OpenTelemetry", root.GetProperty("telemetryMode").GetString());
    }

    [Fact]
    public void HostJson_IsTheRepositoryRootsOne()
    {
        var root = FunctionsAppDirectory.RepositoryRoot();
        Assert.True(root is not null, "the tests run outside the repository");

        Assert.Equal(
            File.ReadAllText(Path.Combine(root, FunctionsAppDirectory.HostFile)),
            File.ReadAllText(Path.Combine(FunctionsAppDirectory.Path, FunctionsAppDirectory.HostFile)));
    }

    private static JsonDocument Read(string file)
    {
        var path = Path.Combine(FunctionsAppDirectory.Path, file);
        Assert.True(File.Exists(path), $"{file} is not in the app at {FunctionsAppDirectory.Path}");
        return JsonDocument.Parse(File.ReadAllText(path), s_hostJson);
    }
}
