using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// The <c>DiscoverTestTargets</c> activity (span <c>test.discovery</c>): pytest test files (relative to the path), .NET test
/// projects, or for <c>junit</c> the path itself as the one target.
/// </summary>
public sealed class TestTargetDiscoveryActivity : TaskActivity<TestRunRequest, TestTargetDiscovery>
{
    public override async Task<TestTargetDiscovery> RunAsync(TaskActivityContext context, TestRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        context.Span?.DisplayName = SpanNames.TestDiscovery;
        var root = Path.GetFullPath(input.Path);
        if (!Directory.Exists(root))
        {
            return new TestTargetDiscovery([], $"{root}: no such directory");
        }

        IReadOnlyList<string> targets = input.Framework switch
        {
            TestFramework.Pytest => Relative(root, TestFramework.FindPytestFiles(root)),
            TestFramework.Dotnet => Relative(root, await FindDotnetTestProjectsAsync(root, context.CancellationToken).ConfigureAwait(false)),
            _ => [input.Path],
        };
        return new TestTargetDiscovery(targets);
    }

    /// <summary>Projects that are test projects by their own text, plus the inherited candidates MSBuild confirms.</summary>
    private static async Task<IReadOnlyList<string>> FindDotnetTestProjectsAsync(string root, CancellationToken cancellationToken)
    {
        var scan = TestFramework.ScanDotnetProjects(root);
        var confirmed = scan.Candidates.Count == 0 ? [] : await DotnetTestProjectProbe.FilterAsync(scan.Candidates, cancellationToken).ConfigureAwait(false);
        return [.. scan.TestProjects.Concat(confirmed).Order(StringComparer.Ordinal)];
    }

    private static string[] Relative(string root, IReadOnlyList<string> files) =>
        [.. files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))];
}
