using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations.TestRuns;

namespace Obs.Api.Endpoints;

/// <summary><c>POST /test {framework, coverage, parallel, verbose, path}</c>: a traced test run under the working root.</summary>
public sealed class TestRoute : StartRoute
{
    private static readonly BodyShape s_test = new(
        new FieldShape("framework", JsonKind.String),
        new FieldShape("path", JsonKind.String),
        new FieldShape("parallel", JsonKind.Boolean),
        new FieldShape("coverage", JsonKind.Boolean),
        new FieldShape("verbose", JsonKind.Boolean),
        new FieldShape("command", JsonKind.StringArray),
        new FieldShape("case_spans", JsonKind.String),
        new FieldShape("max_case_spans", JsonKind.Integer),
        new FieldShape("timeout_seconds", JsonKind.Number),
        new FieldShape("env", JsonKind.StringMap));

    public override string OrchestrationName => TestOrchestration.Name;

    public override BodyShape Shape => s_test;

    public override object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        var request = body is { } json ? Deserialize(json, TestRunsJsonContext.Default.TestRunRequest, problems) : new TestRunRequest();
        if (request is null)
        {
            return null;
        }

        problems.AddRange(ProblemList.Root, request.Validate());
        var path = policy.ResolveInsideRoot(policy.Root, request.Path, "path", problems);
        policy.CheckEnvironment(request.Env, "env", problems);
        policy.CheckProgram(request.Command is { Count: > 0 } command ? command[0] : request.Framework, request.Command is null ? "framework" : "command[0]", problems);
        return problems.Count == 0 ? request with { Path = path! } : null;
    }
}
