using System.Diagnostics;
using System.Text.Json;
using Obs.Orchestrations.Benchmarks;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.Startup;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;

namespace Obs.Orchestrations;

/// <summary>
/// How a finished run turned out, which its runtime status does not say: a build whose step failed is a
/// <c>Completed</c> instance with a failed outcome. The same judgement the orchestration span's status
/// makes, for the verb spans, summaries and <c>obs status</c>.
/// </summary>
/// <param name="Succeeded">True when the run did what it was asked.</param>
/// <param name="ErrorType">The <c>error.type</c> of a failed run (<see cref="ErrorTypes"/>, or the failure's exception type).</param>
/// <param name="Description">Why it failed, in a few words; null when it succeeded or nothing more is known.</param>
public sealed record OrchestrationOutcome(bool Succeeded, string? ErrorType = null, string? Description = null)
{
    public static readonly OrchestrationOutcome Success = new(true);

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>terminated</c>: the word summaries and <c>obs status</c> show.</summary>
    public string Word => Succeeded ? "succeeded" : ErrorType == ErrorTypes.Terminated ? "terminated" : "failed";

    /// <summary>
    /// Marks <paramref name="span"/> (a verb span above the orchestration span) failed when the run failed:
    /// Error status and <c>error.type</c>. A success leaves its status alone.
    /// </summary>
    public void RecordOn(Activity? span)
    {
        if (!Succeeded)
        {
            span.SetError(ErrorType ?? "failed", Description);
        }
    }

    /// <summary>The outcome of <paramref name="instance"/>, read from its output; null while it has not finished.</summary>
    public static OrchestrationOutcome? Of(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => OfOutput(instance.Name, instance.SerializedOutput),
            OrchestrationRuntimeStatus.Failed => new(false, instance.FailureDetails?.ErrorType, instance.FailureDetails?.ErrorMessage),
            OrchestrationRuntimeStatus.Terminated => new(false, ErrorTypes.Terminated, instance.SerializedOutput is null ? null : Text(instance.SerializedOutput)),
            _ => null,
        };
    }

    public static OrchestrationOutcome Of(BuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Success)
        {
            return Success;
        }

        if (result.Problems is { Count: > 0 } problems)
        {
            return new(false, ErrorTypes.InvalidDefinition, problems[0]);
        }

        var failed = result.Steps.Where(s => s.IsFailure && !s.ContinuedOnError).Select(s => s.Name).ToList();
        return new(false, ErrorTypes.BuildFailed, failed.Count > 0 ? $"failed: {string.Join(", ", failed)}" : "artifact upload failed");
    }

    public static OrchestrationOutcome Of(TestRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Success ? Success
            : result.Error is { } error ? new(false, ErrorTypes.TestRunError, error)
            : new(false, ErrorTypes.TestsFailed, "a test failed");
    }

    public static OrchestrationOutcome Of(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Success ? Success
            : result.Problems is { Count: > 0 } problems ? new(false, ErrorTypes.InvalidRequest, problems[0])
            : new(false, ErrorTypes.IterationFailed, result.FirstError ?? "no iteration succeeded");
    }

    public static OrchestrationOutcome Of(StartupProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Ready ? Success : new(false, ErrorTypes.NotReady, result.Error);
    }

    private static OrchestrationOutcome OfOutput(string name, string? output)
    {
        if (output is null)
        {
            return Success;
        }

        try
        {
            return name switch
            {
                BuildOrchestration.Name => Of(JsonSerializer.Deserialize(output, BuildJsonContext.Default.BuildResult)!),
                TestOrchestration.Name => Of(JsonSerializer.Deserialize(output, TestRunsJsonContext.Default.TestRunResult)!),
                BenchmarkOrchestration.Name => Of(JsonSerializer.Deserialize(output, BenchmarkJsonContext.Default.BenchmarkResult)!),
                StartupOrchestration.Name => Of(JsonSerializer.Deserialize(output, StartupJsonContext.Default.StartupProbeResult)!),
                _ => Success,
            };
        }
        catch (JsonException)
        {
            // Output of another shape (an older Obs): the runtime status is all there is to go on.
            return Success;
        }
    }

    private static string? Text(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OrchestrationJsonContext.Default.String);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
