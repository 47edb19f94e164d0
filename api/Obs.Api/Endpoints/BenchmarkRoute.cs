using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations.Benchmarks;

namespace Obs.Api.Endpoints;

/// <summary><c>POST /benchmark {iterations, warmup, target}</c>: latency of a command, a URL, or Obs' own tracing.</summary>
public sealed class BenchmarkRoute : StartRoute
{
    private static readonly BodyShape s_target = new(
        new FieldShape("kind", JsonKind.String),
        new FieldShape("command", JsonKind.StringArray),
        new FieldShape("url", JsonKind.String),
        new FieldShape("spans_per_iteration", JsonKind.Integer),
        new FieldShape("timeout_seconds", JsonKind.Number));

    private static readonly BodyShape s_benchmark = new(
        new FieldShape("iterations", JsonKind.Integer),
        new FieldShape("warmup", JsonKind.Integer),
        new FieldShape("target", JsonKind.Object, s_target),
        new FieldShape("per_iteration_spans", JsonKind.Boolean));

    public override string OrchestrationName => BenchmarkOrchestration.Name;

    public override BodyShape Shape => s_benchmark;

    public override object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        var request = body is { } json ? Deserialize(json, BenchmarkJsonContext.Default.BenchmarkRequest, problems) : new BenchmarkRequest();
        if (request is null)
        {
            return null;
        }

        request.Target ??= new BenchmarkTarget();
        problems.AddRange(ProblemList.Root, request.Validate());
        if (request.Target.Kind == BenchmarkTargetKinds.Command && request.Target.Command is { Count: > 0 } command)
        {
            policy.CheckProgram(command[0], "target.command[0]", problems);
        }

        return problems.Count == 0 ? request : null;
    }
}
