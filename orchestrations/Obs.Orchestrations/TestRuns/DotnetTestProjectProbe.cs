using System.Text.Json;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>
/// Asks MSBuild whether a project is a test project, for the ones the filesystem scan cannot decide: projects
/// that get <c>Microsoft.NET.Test.Sdk</c> or <c>IsTestProject</c> only from a <c>Directory.Build.props</c>,
/// often under a condition (e.g. names ending in <c>.Tests</c>). Evaluation only: nothing is restored or built.
/// </summary>
public static class DotnetTestProjectProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The projects of <paramref name="candidates"/> whose evaluation sets <c>IsTestProject</c> to true or references
    /// <c>Microsoft.NET.Test.Sdk</c>, in their order. A project MSBuild cannot evaluate is left out.
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
    public static async Task<bool> IsTestProjectAsync(string project, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var output = new List<string>();
        var spec = new ProcessSpec("dotnet", ["msbuild", project, "-nologo", "-getProperty:IsTestProject", "-getItem:PackageReference"])
        {
            WorkingDirectory = Path.GetDirectoryName(project),
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
        return result.Succeeded && Parse(string.Join('\n', output));
    }

    /// <summary>Reads <c>dotnet msbuild -getProperty:IsTestProject -getItem:PackageReference</c>'s JSON.</summary>
    public static bool Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("Properties", out var properties) && properties.TryGetProperty("IsTestProject", out var flag)
                && string.Equals(flag.GetString(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return root.TryGetProperty("Items", out var items) && items.TryGetProperty("PackageReference", out var references)
                && references.ValueKind == JsonValueKind.Array
                && references.EnumerateArray().Any(r => r.TryGetProperty("Identity", out var id)
                    && string.Equals(id.GetString(), "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
