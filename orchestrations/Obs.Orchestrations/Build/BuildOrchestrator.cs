using Obs.Telemetry.Catalog;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>Build</c> orchestrator (span <c>build.execute</c>): validates the definition, optionally
/// analyzes dependencies, runs the steps through <see cref="BuildPlan"/> (ready steps fan out in
/// parallel; each completion may make more ready), collects artifacts, records the outcome on
/// the orchestration span, and hands the result, failed or not, to <c>RecordBuildMetrics</c>. Replayed: only <see cref="TaskOrchestrationContext"/> calls, no I/O.
/// </summary>
public sealed class BuildOrchestrator : TaskOrchestrator<BuildRequest, BuildResult>
{
    public override async Task<BuildResult> RunAsync(TaskOrchestrationContext context, BuildRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var result = await BuildAsync(context, input).ConfigureAwait(true);
        await context.RecordMetricsAsync(BuildOrchestration.RecordBuildMetrics, result).ConfigureAwait(true);
        return result;
    }

    private static async Task<BuildResult> BuildAsync(TaskOrchestrationContext context, BuildRequest input)
    {
        var definition = input.Definition;
        var started = context.CurrentUtcDateTime;
        var projectDirectory = Path.GetFullPath(definition.ProjectPath ?? ".", input.WorkingDirectory);
        context.SetSpanAttribute(AttributeKeys.Build.ProjectPath, projectDirectory);
        context.SetSpanAttribute(AttributeKeys.Build.StepsCount, definition.Steps?.Count ?? 0);
        context.SetSpanAttribute(AttributeKeys.Cicd.PipelineName, definition.Name);
        // cicd.pipeline.run.id is never empty: without a run id from the caller (CI), the instance id is the run's id.
        var runId = string.IsNullOrEmpty(input.RunId) ? context.InstanceId : input.RunId;
        context.SetSpanAttribute(AttributeKeys.Cicd.PipelineRunId, runId);

        var problems = BuildDefinitionValidator.Validate(definition);
        if (problems.Count > 0)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.InvalidDefinition);
            return Finish(context, new BuildResult { Name = definition.Name, Success = false, Problems = problems });
        }

        IReadOnlyList<DependencyInfo>? dependencies = null;
        if (definition.AnalyzeDependencies)
        {
            dependencies = await context.CallActivityAsync<IReadOnlyList<DependencyInfo>>(
                BuildOrchestration.AnalyzeDependencies, new DependencyAnalysisInput(projectDirectory)).ConfigureAwait(true);
        }

        var plan = new BuildPlan(definition);
        await RunStepsAsync(context, plan, projectDirectory, runId).ConfigureAwait(true);
        if (plan.Results.Where(s => s.Status == BuildStepStatus.Skipped).ToList() is { Count: > 0 } skipped)
        {
            // Orchestrator code starts no spans: an activity leaves one per step that never ran.
            await context.CallActivityAsync<int>(BuildOrchestration.RecordSkippedSteps, new SkippedStepsInput(skipped)).ConfigureAwait(true);
        }

        IReadOnlyList<ArtifactInfo>? artifacts = null;
        if (definition.Artifacts is { Count: > 0 } patterns)
        {
            artifacts = await context.CallActivityAsync<IReadOnlyList<ArtifactInfo>>(
                BuildOrchestration.CollectArtifacts,
                new ArtifactCollectionInput(projectDirectory, patterns, definition.ArtifactsUpload?.Resolve(definition.Name, runId))).ConfigureAwait(true);
        }

        return Finish(context, new BuildResult
        {
            Name = definition.Name,
            // An artifact that artifacts_upload could not upload fails the build.
            Success = plan.Succeeded && artifacts?.Any(a => a.UploadError is not null) != true,
            Steps = plan.Results,
            Dependencies = dependencies,
            Artifacts = artifacts,
            DurationSeconds = (context.CurrentUtcDateTime - started).TotalSeconds,
        });
    }

    private static async Task RunStepsAsync(TaskOrchestrationContext context, BuildPlan plan, string projectDirectory, string runId)
    {
        var running = new List<(string Name, Task<BuildStepResult> Task)>();
        while (true)
        {
            foreach (var step in plan.TakeReady())
            {
                running.Add((step.Name, context.CallActivityAsync<BuildStepResult>(
                    BuildOrchestration.RunBuildStep, new BuildStepInput(step, projectDirectory, runId))));
            }

            if (running.Count == 0)
            {
                return;
            }

            // History delivers completions one at a time, in order, so WhenAny picks the same step on every replay.
            var finished = await Task.WhenAny(running.Select(r => r.Task)).ConfigureAwait(true);
            var index = running.FindIndex(r => r.Task == finished);
            var name = running[index].Name;
            running.RemoveAt(index);
            plan.Complete(await ResultOf(name, finished).ConfigureAwait(true));
        }
    }

    private static async Task<BuildStepResult> ResultOf(string name, Task<BuildStepResult> finished)
    {
        try
        {
            return await finished.ConfigureAwait(true);
        }
        catch (TaskFailedException ex)
        {
            // The activity itself failed (not the step's process): the step failed.
            return new BuildStepResult { Name = name, Status = BuildStepStatus.Failed, Error = ex.Message };
        }
    }

    private static BuildResult Finish(TaskOrchestrationContext context, BuildResult result)
    {
        context.SetSpanAttribute(AttributeKeys.Build.Success, result.Success);
        context.SetSpanAttribute(AttributeKeys.Cicd.PipelineResult, result.Success ? "success" : "failure");
        if (!result.Success)
        {
            context.SetSpanAttribute(AttributeKeys.Error.Type, ErrorTypes.BuildFailed);
        }

        return result;
    }
}
