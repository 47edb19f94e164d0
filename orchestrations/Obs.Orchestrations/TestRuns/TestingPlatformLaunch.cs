using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.TestRuns;

/// <summary>What <see cref="TestingPlatformRunner.PrepareAsync"/> decided for one .NET project.</summary>
/// <param name="Command">The command that runs the tests; when a step failed, that step's command.</param>
/// <param name="FailedStep">
/// The build or probe that failed before any test ran, reported as the target's process (it wrote no report); null
/// when <paramref name="Command"/> is to be run.
/// </param>
public sealed record TestingPlatformLaunch(TestTargetCommand Command, ProcessResult? FailedStep = null);
