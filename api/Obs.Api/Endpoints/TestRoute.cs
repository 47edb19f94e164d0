using System.Globalization;
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

    private static readonly string[] s_frameworks = [TestFramework.Pytest, TestFramework.Dotnet, TestRunRequest.JUnit];

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

        if (!s_frameworks.Contains(request.Framework))
        {
            problems.Add("framework", $"'{request.Framework}' is not a test framework; expected {string.Join(", ", s_frameworks)}.");
        }
        else if (request.Framework == TestRunRequest.JUnit && request.Command is not { Count: > 0 })
        {
            problems.Add("command", $"is required for the junit framework: a command that writes JUnit XML to {TestRunRequest.ReportPlaceholder}.");
        }

        if (request.MaxCaseSpans < 0)
        {
            problems.Add("max_case_spans", "must not be negative.");
        }

        if (request.TimeoutSeconds is <= 0)
        {
            problems.Add("timeout_seconds", string.Create(CultureInfo.InvariantCulture, $"must be positive, not {request.TimeoutSeconds}."));
        }

        var path = policy.ResolveInsideRoot(policy.Root, request.Path, "path", problems);
        policy.CheckEnvironment(request.Env, "env", problems);
        policy.CheckProgram(request.Command is { Count: > 0 } command ? command[0] : request.Framework, request.Command is null ? "framework" : "command[0]", problems);
        return problems.Count == 0 ? request with { Path = path! } : null;
    }
}
