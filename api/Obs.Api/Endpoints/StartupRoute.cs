using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations.Startup;

namespace Obs.Api.Endpoints;

/// <summary>
/// <c>POST /startup {command, ready:{url|log_regex|port}, timeout_seconds}</c>: how long a program takes
/// to become ready. The program is always stopped afterwards (no <c>keep_running</c> over HTTP).
/// </summary>
public sealed class StartupRoute : StartRoute
{
    private static readonly BodyShape s_ready = new(
        new FieldShape("url", JsonKind.String),
        new FieldShape("log_regex", JsonKind.String),
        new FieldShape("port", JsonKind.Integer));

    private static readonly BodyShape s_startup = new(
        new FieldShape("command", JsonKind.StringOrStringArray, Required: true),
        new FieldShape("ready", JsonKind.Object, s_ready, Required: true),
        new FieldShape("timeout_seconds", JsonKind.Number),
        new FieldShape("working_directory", JsonKind.String));

    public override string OrchestrationName => StartupOrchestration.Name;

    public override BodyShape Shape => s_startup;

    public override object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        if (body is not { } json)
        {
            problems.Add("command", "is required: the program to start (a shell line or an argument vector).");
            problems.Add("ready", "is required: at least one of url, log_regex, port.");
            return null;
        }

        var request = Deserialize(json, StartupJsonContext.Default.StartupProbeRequest, problems);
        if (request is null)
        {
            return null;
        }

        problems.AddRange(ProblemList.Root, request.Validate());
        var directory = policy.ResolveInsideRoot(policy.Root, request.WorkingDirectory, "working_directory", problems);
        if (request.Command?.Arguments is { } arguments)
        {
            policy.CheckProgram(arguments[0], "command[0]", problems);
        }
        else
        {
            policy.CheckShellLine(request.Command?.ShellLine, "command", problems);
        }

        return problems.Count == 0 ? request with { WorkingDirectory = directory, KeepRunning = false } : null;
    }
}
