namespace Obs.Orchestrations.TestRuns;

/// <summary>What <see cref="TestFramework.ScanDotnetProjects"/> found, each list sorted.</summary>
/// <param name="TestProjects">Projects that are test projects by their own text.</param>
/// <param name="Candidates">Projects that may inherit the test SDK; MSBuild decides (<see cref="DotnetTestProjectProbe"/>).</param>
public sealed record DotnetProjectScan(IReadOnlyList<string> TestProjects, IReadOnlyList<string> Candidates);
