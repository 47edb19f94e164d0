using System.Diagnostics;
using System.Globalization;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations.Build;

/// <summary>
/// The <c>RunBuildStep</c> activity: runs one step's process under the activity span, renamed
/// <c>build.step.&lt;name&gt;</c> (the child inherits its <c>TRACEPARENT</c>), records the original
/// design's and the semantic conventions' attributes, and on failure the output tails as
/// <c>build.step.output</c> events. A failed step is a result, not an exception.
/// </summary>
public sealed class RunBuildStepActivity : TaskActivity<BuildStepInput, BuildStepResult>
{
    private readonly Action<ProcessOutputLine, string>? _onOutput;

    /// <param name="onOutput">Receives every output line with the step's name (the CLI streams them); called from background threads.</param>
    public RunBuildStepActivity(Action<ProcessOutputLine, string>? onOutput = null) => _onOutput = onOutput;

    public override async Task<BuildStepResult> RunAsync(TaskActivityContext context, BuildStepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var step = input.Step;
        var span = context.Span;
        var spec = BuildStepCommand.ToProcessSpec(step, input.ProjectDirectory);
        if (_onOutput is { } onOutput)
        {
            spec = spec with { OnOutput = line => onOutput(line, step.Name) };
        }

        StartTags(span, step, spec, input.RunId);
        var process = await ChildProcessRunner.RunAsync(spec, context.CancellationToken).ConfigureAwait(false);
        if (process.Cancelled && context.CancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Step '{step.Name}' was cancelled.", context.CancellationToken);
        }

        var result = ToResult(step.Name, process);
        EndTags(span, result, process);
        return result;
    }

    private static void StartTags(Activity? span, BuildStepDefinition step, ProcessSpec spec, string? runId)
    {
        if (span is null)
        {
            return;
        }

        span.DisplayName = SpanNames.BuildStep(step.Name);
        span.SetTag(AttributeKeys.Build.StepName, step.Name);
        span.SetTag(AttributeKeys.Build.StepType, step.Type);
        span.SetTag(AttributeKeys.Build.StepCommand, BuildStepCommand.Display(step));
        span.SetTag(AttributeKeys.Cicd.TaskName, step.Name);
        span.SetTag(AttributeKeys.Process.ExecutableName, Path.GetFileName(spec.FileName));
        span.SetTag(AttributeKeys.Process.CommandArgs, (string[])[spec.FileName, .. spec.Arguments]);
        span.SetTag(AttributeKeys.Process.WorkingDirectory, spec.WorkingDirectory);
        if (step.ContinueOnError)
        {
            span.SetTag(AttributeKeys.Build.StepContinueOnError, true);
        }
        span.SetTag(AttributeKeys.Cicd.PipelineRunId, runId);
    }

    private static BuildStepResult ToResult(string name, ProcessResult process)
    {
        var status = process.Succeeded ? BuildStepStatus.Succeeded : process.TimedOut ? BuildStepStatus.TimedOut : BuildStepStatus.Failed;
        var failed = status != BuildStepStatus.Succeeded;
        return new BuildStepResult
        {
            Name = name,
            Status = status,
            ExitCode = process.StartError is null && !process.TimedOut ? process.ExitCode : null,
            DurationSeconds = process.Duration.TotalSeconds,
            Error = process.StartError ?? (process.TimedOut ? "timed out" : null),
            StdoutTail = failed ? process.StdoutTail : null,
            StderrTail = failed ? process.StderrTail : null,
        };
    }

    private static void EndTags(Activity? span, BuildStepResult result, ProcessResult process)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(AttributeKeys.Build.StepDuration, result.DurationSeconds);
        span.SetTag(AttributeKeys.Build.StepExitCode, process.ExitCode);
        span.SetTag(AttributeKeys.Process.ExitCode, process.ExitCode);
        span.SetTag(AttributeKeys.Process.Pid, process.Pid);
        span.SetTag(AttributeKeys.Cicd.TaskRunResult, CicdResult(result.Status));
        if (result.Status == BuildStepStatus.Succeeded)
        {
            span.SetStatus(ActivityStatusCode.Ok);
            return;
        }

        var errorType = process.StartError is not null ? "start_error" : process.TimedOut ? "timeout" : process.ExitCode.ToString(CultureInfo.InvariantCulture);
        span.SetError(errorType, result.Error ?? $"exited with code {process.ExitCode}");
        AddOutputEvent(span, "stdout", process.StdoutTail);
        AddOutputEvent(span, "stderr", process.StderrTail);
    }

    private static void AddOutputEvent(Activity span, string stream, IReadOnlyList<string> tail) =>
        span.AddEvent(new ActivityEvent(AttributeKeys.BuildStepOutput.EventName, tags: new ActivityTagsCollection
        {
            [AttributeKeys.BuildStepOutput.Stream] = stream,
            [AttributeKeys.BuildStepOutput.Tail] = string.Join('\n', tail),
        }));

    /// <summary>The semantic conventions' <c>cicd.pipeline.task.run.result</c> values.</summary>
    internal static string CicdResult(BuildStepStatus status) => status switch
    {
        BuildStepStatus.Succeeded => "success",
        BuildStepStatus.TimedOut => "timeout",
        BuildStepStatus.Skipped => "skip",
        _ => "failure",
    };
}
