using System.Text.Json;
using Obs.Api.Security;
using Obs.Api.Validation;
using Obs.Orchestrations.Build;

namespace Obs.Api.Endpoints;

/// <summary><c>POST /build {steps:[…]}</c>: a build definition in the original format, run from the working root.</summary>
public sealed class BuildRoute(BuildDefinition? defaultBuild) : StartRoute
{
    public override string OrchestrationName => BuildOrchestration.Name;

    /// <summary>None here: <see cref="Bind"/> checks the definition against the records' own key tables, so a
    /// wrong type is listed beside unknown keys and what the validator finds, in the words the CLI uses.</summary>
    public override BodyShape? Shape => null;

    public override object? Bind(JsonElement? body, RequestPolicy policy, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        BuildDefinition? definition;
        if (body is { } json)
        {
            var reading = BuildDefinitionLoader.Read(json, DefinitionSyntax.Json);
            Add(reading.Problems, problems);
            definition = reading.Definition;
        }
        else
        {
            definition = defaultBuild;
            if (definition is null)
            {
                problems.Add("steps", "is required: the body is empty and the server has no default build (the build: section of its config file).");
            }
            else
            {
                Add(BuildDefinitionValidator.Check(definition), problems);
            }
        }

        if (definition is null)
        {
            return null;
        }

        CheckPolicy(definition, policy, problems);
        return problems.Count == 0 ? new BuildRequest(definition, policy.Root) : null;
    }

    private static void Add(IEnumerable<BuildDefinitionProblem> found, ProblemList problems)
    {
        foreach (var problem in found)
        {
            problems.Add(problem.Path, problem.Message);
        }
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
