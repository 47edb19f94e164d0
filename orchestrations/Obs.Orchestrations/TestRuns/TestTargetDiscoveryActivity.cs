namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>DiscoverTestTargets</c> activity: pytest test files (relative to the path), .NET test
/// projects, or for <c>junit</c> the path itself as the one target.
/// </summary>
public sealed class TestTargetDiscoveryActivity : TaskActivity<TestRunRequest, TestTargetDiscovery>
{
    public override Task<TestTargetDiscovery> RunAsync(TaskActivityContext context, TestRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var root = Path.GetFullPath(input.Path);
        if (!Directory.Exists(root))
        {
            return Task.FromResult(new TestTargetDiscovery([], $"{root}: no such directory"));
        }

        IReadOnlyList<string> targets = input.Framework switch
        {
            TestFramework.Pytest => Relative(root, TestFramework.FindPytestFiles(root)),
            TestFramework.Dotnet => Relative(root, TestFramework.FindDotnetTestProjects(root)),
            _ => [input.Path],
        };
        return Task.FromResult(new TestTargetDiscovery(targets));
    }

    private static string[] Relative(string root, IReadOnlyList<string> files) =>
        [.. files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))];
}
