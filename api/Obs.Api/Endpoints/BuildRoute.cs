using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations.Build;

namespace Obs.Api.Endpoints;

/// <summary><c>POST /build {steps:[…]}</c>: a build definition in the original format, run from the working root.</summary>
public sealed class BuildRoute(BuildDefinition? defaultBuild) : StartRoute
{
    private static readonly BodyShape s_step = new(
        new FieldShape("name", JsonKind.String, Required: true),
        new FieldShape("type", JsonKind.String, Required: true),
        new FieldShape("module", JsonKind.String),
        new FieldShape("args", JsonKind.StringArray),
        new FieldShape("command", JsonKind.String),
        new FieldShape("python", JsonKind.String),
        new FieldShape("working_dir", JsonKind.String),
        new FieldShape("env", JsonKind.StringMap),
        new FieldShape("timeout", JsonKind.Number),
        new FieldShape("depends_on", JsonKind.StringArray),
        new FieldShape("continue_on_error", JsonKind.Boolean));

    private static readonly BodyShape s_upload = new(
        new FieldShape("container", JsonKind.String, Required: true),
        new FieldShape("connection_string_env", JsonKind.String, Required: true),
        new FieldShape("prefix", JsonKind.String));

    private static readonly BodyShape s_build = new(
        new FieldShape("name", JsonKind.String),
        new FieldShape("project_path", JsonKind.String),
        new FieldShape("steps", JsonKind.ObjectArray, s_step, Required: true),
        new FieldShape("artifacts", JsonKind.StringArray),
        new FieldShape("artifacts_upload", JsonKind.Object, s_upload),
        new FieldShape("analyze_dependencies", JsonKind.Boolean));

    public override string OrchestrationName => BuildOrchestration.Name;

    public override BodyShape Shape => s_build;

    public override object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        BuildDefinition? definition;
        if (body is { } json)
        {
            definition = Deserialize(json, BuildJsonContext.Default.BuildDefinition, problems);
        }
        else
        {
            definition = defaultBuild;
            if (definition is null)
            {
                problems.Add("steps", "is required: the body is empty and the server has no default build (the build: section of its config file).");
            }
        }

        if (definition is null)
        {
            return null;
        }

        problems.AddRange(ProblemList.Root, BuildDefinitionValidator.Validate(definition));
        CheckPolicy(definition, policy, problems);
        return problems.Count == 0 ? new BuildRequest(definition, policy.Root) : null;
    }

    private static void CheckPolicy(BuildDefinition definition, RequestPolicy policy, ProblemList problems)
    {
        var project = policy.ResolveInsideRoot(policy.Root, definition.ProjectPath, "project_path", problems) ?? policy.Root;
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            if (step is null)
            {
                continue;
            }

            var path = ProblemList.Index("steps", i);
            if (step.WorkingDir is not null)
            {
                policy.ResolveInsideRoot(project, step.WorkingDir, ProblemList.Join(path, "working_dir"), problems);
            }

            policy.CheckEnvironment(step.Env, ProblemList.Join(path, "env"), problems);
            if (step.Type == BuildStepTypes.Python)
            {
                policy.CheckProgram(step.Python ?? BuildStepTypes.DefaultPython, ProblemList.Join(path, step.Python is null ? "type" : "python"), problems);
            }
            else if (step.Type == BuildStepTypes.Command)
            {
                policy.CheckShellLine(step.Command, ProblemList.Join(path, "command"), problems);
            }
        }

        for (var i = 0; i < (definition.Artifacts?.Count ?? 0); i++)
        {
            RequestPolicy.CheckRelativePattern(definition.Artifacts![i], ProblemList.Index("artifacts", i), problems);
        }
    }
}
