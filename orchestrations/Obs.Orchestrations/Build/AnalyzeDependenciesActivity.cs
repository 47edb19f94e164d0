using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>AnalyzeDependencies</c> activity (span <c>build.dependency_analysis</c>): reads the project's
/// <c>requirements.txt</c>, <c>pyproject.toml</c>, <c>package.json</c> and <c>*.csproj</c> files (project
/// files up to <see cref="ProjectFileDepth"/> folders down, skipping bin, obj, node_modules and dot-folders)
/// and records counts per ecosystem and up to <see cref="MaxListed"/> <c>name@version</c> entries.
/// </summary>
public sealed class AnalyzeDependenciesActivity : TaskActivity<DependencyAnalysisInput, IReadOnlyList<DependencyInfo>>
{
    public const int MaxListed = 200;
    public const int ProjectFileDepth = 3;

    private static readonly HashSet<string> SkippedFolders = new(["bin", "obj", "node_modules"], StringComparer.OrdinalIgnoreCase);

    public override Task<IReadOnlyList<DependencyInfo>> RunAsync(TaskActivityContext context, DependencyAnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dependencies = Analyze(input.ProjectDirectory);
        if (context.Span is { } span)
        {
            span.DisplayName = SpanNames.BuildDependencyAnalysis;
            span.SetTag(AttributeKeys.BuildDependencies.Count, dependencies.Count);
            foreach (var ecosystem in (string[])[PythonManifestParser.Ecosystem, DotnetManifestParser.Ecosystem, NodeManifestParser.Ecosystem])
            {
                span.SetTag(AttributeKeys.BuildDependencies.CountFor(ecosystem), dependencies.Count(d => d.Ecosystem == ecosystem));
            }

            span.SetTag(AttributeKeys.BuildDependencies.List, dependencies.Take(MaxListed).Select(d => d.ToString()).ToArray());
            if (dependencies.Count > MaxListed)
            {
                span.SetTag(AttributeKeys.BuildDependencies.ListTruncated, true);
            }
        }

        return Task.FromResult(dependencies);
    }

    /// <summary>Every dependency declared in the manifests of <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<DependencyInfo> Analyze(string projectDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        var result = new List<DependencyInfo>();
        if (!Directory.Exists(projectDirectory))
        {
            return result;
        }

        Read(projectDirectory, "requirements.txt", PythonManifestParser.ParseRequirements, result);
        Read(projectDirectory, "pyproject.toml", PythonManifestParser.ParsePyProject, result);
        Read(projectDirectory, "package.json", NodeManifestParser.ParsePackageJson, result);
        foreach (var project in ProjectFiles(projectDirectory, ProjectFileDepth).Order(StringComparer.Ordinal))
        {
            result.AddRange(DotnetManifestParser.ParseProject(File.ReadAllText(project), Relative(projectDirectory, project)));
        }

        return result;
    }

    private static void Read(string directory, string fileName, Func<string, string, IReadOnlyList<DependencyInfo>> parse, List<DependencyInfo> result)
    {
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
        {
            result.AddRange(parse(File.ReadAllText(path), fileName));
        }
    }

    private static IEnumerable<string> ProjectFiles(string directory, int depth)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.csproj"))
        {
            yield return file;
        }

        if (depth == 0)
        {
            yield break;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name))
            {
                foreach (var file in ProjectFiles(child, depth - 1))
                {
                    yield return file;
                }
            }
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
