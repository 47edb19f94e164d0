using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Asks MSBuild about a project: whether it is a test project, for the ones the filesystem scan cannot decide
/// (projects that get <c>Microsoft.NET.Test.Sdk</c>, <c>IsTestProject</c> or a test framework only from a
/// <c>Directory.Build.props</c>, often under a condition such as names ending in <c>.Tests</c>), and which test
/// platform runs it. Evaluation only: nothing is restored or built.
/// </summary>
public static class DotnetTestProjectProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The projects of <paramref name="candidates"/> whose evaluation sets <c>IsTestProject</c> to true, references
    /// <c>Microsoft.NET.Test.Sdk</c> or is a Microsoft.Testing.Platform test application (xunit v3, the MSTest runner,
    /// TUnit), in their order. A project MSBuild cannot evaluate is left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FilterAsync(IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var verdicts = new bool[candidates.Count];
        // A couple at a time: each evaluation is a dotnet process of its own.
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount / 2));
        await Task.WhenAll(candidates.Select(async (project, index) =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                verdicts[index] = await IsTestProjectAsync(project, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
        return [.. candidates.Where((_, index) => verdicts[index])];
    }

    /// <summary>Whether MSBuild's evaluation of <paramref name="project"/> makes it a test project.</summary>
    public static async Task<bool> IsTestProjectAsync(string project, CancellationToken cancellationToken) =>
        (await EvaluateAsync(project, cancellationToken).ConfigureAwait(false)).IsTest;

    /// <summary>
    /// MSBuild's evaluation of <paramref name="project"/> (<see cref="DotnetProjectEvaluation.Properties"/> and its
    /// package references); <see cref="DotnetProjectEvaluation.None"/> when MSBuild cannot evaluate it.
    /// </summary>
    /// <param name="project">The project file.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <param name="environment">Variables for the <c>dotnet</c> process (the test run's own), or null.</param>
    public static async Task<DotnetProjectEvaluation> EvaluateAsync(
        string project, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var output = new List<string>();
        List<string> arguments = ["msbuild", project, "-nologo", .. DotnetProjectEvaluation.Properties.Select(p => $"-getProperty:{p}"), "-getItem:PackageReference"];
        var spec = new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(project)),
            Environment = environment ?? new Dictionary<string, string?>(),
            Timeout = s_timeout,
            OnOutput = line =>
            {
                if (line.Stream == ProcessStream.StandardOutput)
                {
                    lock (output)
                    {
                        output.Add(line.Text);
                    }
                }
            },
        };
        var result = await ChildProcessRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? DotnetProjectEvaluation.Parse(string.Join('\n', output)) : DotnetProjectEvaluation.None;
    }

    /// <summary>Whether <c>dotnet msbuild -getProperty:… -getItem:PackageReference</c>'s JSON makes the project a test project.</summary>
    public static bool Parse(string json) => DotnetProjectEvaluation.Parse(json).IsTest;
}
