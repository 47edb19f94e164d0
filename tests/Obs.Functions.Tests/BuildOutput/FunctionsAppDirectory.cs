using System.Reflection;
using Obs.Functions.Functions;

namespace Obs.Functions.Tests.BuildOutput;

/// <summary>
/// Where the built Functions app is: the test's own output (the project reference copies the app's
/// functions.metadata, extensions.json, worker.config.json and host.json next to it), else the functions
/// project's <c>bin/&lt;Configuration&gt;/&lt;tfm&gt;</c>, found by walking up to the repository root.
/// </summary>
public static class FunctionsAppDirectory
{
    public const string MetadataFile = "functions.metadata";
    public const string ExtensionsFile = "extensions.json";
    public const string WorkerConfigFile = "worker.config.json";
    public const string HostFile = "host.json";

    private const string SolutionFile = "Obs.Functions.sln";

    private static readonly Lazy<string> s_path = new(Locate);

    /// <summary>The directory holding the built app; the test fails, saying where it looked, when there is none.</summary>
    public static string Path => s_path.Value;

    /// <summary>The app's assembly name, which the worker configuration must start.</summary>
    public static string WorkerAssemblyName => typeof(HttpApi).Assembly.GetName().Name!;

    /// <summary>The repository root (the directory of <c>Obs.Functions.sln</c>), or null when the tests run outside the tree.</summary>
    public static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string Locate()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };
        if (RepositoryRoot() is { } root)
        {
            var configuration = typeof(FunctionsAppDirectory).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var targetFramework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            candidates.Add(System.IO.Path.Combine(root, "functions", WorkerAssemblyName, "bin", configuration, targetFramework));
        }

        var found = candidates.FirstOrDefault(IsApp);
        Assert.True(found is not null, $"No built Functions app (with {MetadataFile} and {WorkerAssemblyName}.dll) in: {string.Join(", ", candidates)}");
        return found!;
    }

    private static bool IsApp(string directory) =>
        File.Exists(System.IO.Path.Combine(directory, MetadataFile)) && File.Exists(System.IO.Path.Combine(directory, WorkerAssemblyName + ".dll"));
}
