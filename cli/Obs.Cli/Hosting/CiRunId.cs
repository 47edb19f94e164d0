namespace Obs.Cli.Hosting;

/// <summary>
/// The CI system's id of the current pipeline run, recorded as <c>cicd.pipeline.run.id</c>. Outside CI
/// there is none, and the build's instance id (generated for every run) stands in.
/// </summary>
public static class CiRunId
{
    /// <summary>The variables read, first set wins: GitHub Actions, GitLab, Azure Pipelines, Buildkite, CircleCI, Jenkins.</summary>
    public static readonly IReadOnlyList<string> Variables =
        ["GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_BUILDID", "BUILDKITE_BUILD_ID", "CIRCLE_WORKFLOW_ID", "BUILD_TAG"];

    /// <summary>The run id from <paramref name="environment"/>, or null outside CI.</summary>
    public static string? From(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Variables.Select(v => environment.TryGetValue(v, out var value) ? value : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }
}
