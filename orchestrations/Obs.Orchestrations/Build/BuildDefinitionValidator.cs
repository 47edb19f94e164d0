using System.Globalization;

namespace Obs.Orchestrations.Build;

/// <summary>Checks a <see cref="BuildDefinition"/> and reports every problem, each naming the step.</summary>
public static class BuildDefinitionValidator
{
    /// <summary>Every problem with <paramref name="definition"/>; empty when it can run.</summary>
    public static IReadOnlyList<string> Validate(BuildDefinition definition) => [.. Check(definition).Select(p => p.Message)];

    /// <summary>Every problem with <paramref name="definition"/>, each at the path of the value it is about.</summary>
    public static IReadOnlyList<BuildDefinitionProblem> Check(BuildDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<BuildDefinitionProblem>();
        if (definition.Steps is null || definition.Steps.Count == 0)
        {
            problems.Add(new("steps", "The build has no steps."));
            return problems;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            CheckStep(definition.Steps[i], i, names, problems);
        }

        CheckDependencies(definition, names, problems);
        if (BuildGraph.FindCycle(definition) is { } cycle)
        {
            problems.Add(new("steps", $"The steps' depends_on form a cycle: {string.Join(" -> ", cycle)}."));
        }

        CheckUpload(definition, problems);
        return problems;
    }

    private static void CheckUpload(BuildDefinition definition, List<BuildDefinitionProblem> problems)
    {
        if (definition.ArtifactsUpload is not { } upload)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(upload.Container))
        {
            problems.Add(new("artifacts_upload.container", "artifacts_upload has no container."));
        }

        if (string.IsNullOrWhiteSpace(upload.ConnectionStringEnv))
        {
            problems.Add(new("artifacts_upload.connection_string_env", "artifacts_upload has no connection_string_env (the environment variable holding the storage connection string)."));
        }

        if (definition.Artifacts is not { Count: > 0 })
        {
            problems.Add(new("artifacts", "artifacts_upload is set but artifacts lists no files to upload."));
        }
    }

    private static void CheckStep(BuildStepDefinition step, int index, HashSet<string> names, List<BuildDefinitionProblem> problems)
    {
        var path = BuildDefinitionProblem.Index("steps", index);
        if (step is null)
        {
            problems.Add(new(path, Format("Step #{0} is empty.", index + 1)));
            return;
        }

        var label = string.IsNullOrWhiteSpace(step.Name) ? Format("Step #{0}", index + 1) : $"Step '{step.Name}'";
        if (string.IsNullOrWhiteSpace(step.Name))
        {
            problems.Add(new($"{path}.name", $"{label} has no name."));
        }
        else if (!names.Add(step.Name))
        {
            problems.Add(new($"{path}.name", $"{label}: the name is used by more than one step."));
        }

        switch (step.Type)
        {
            case BuildStepTypes.Python when string.IsNullOrWhiteSpace(step.Module):
                problems.Add(new($"{path}.module", $"{label} is a python step without a module."));
                break;
            case BuildStepTypes.Command when string.IsNullOrWhiteSpace(step.Command):
                problems.Add(new($"{path}.command", $"{label} is a command step without a command."));
                break;
            case BuildStepTypes.Python or BuildStepTypes.Command:
                break;
            case null or "":
                problems.Add(new($"{path}.type", $"{label} has no type; expected '{BuildStepTypes.Python}' or '{BuildStepTypes.Command}'."));
                break;
            default:
                problems.Add(new($"{path}.type", $"{label} has type '{step.Type}'; expected '{BuildStepTypes.Python}' or '{BuildStepTypes.Command}'."));
                break;
        }

        if (step.Timeout is < 0)
        {
            problems.Add(new($"{path}.timeout", Format("{0} has a negative timeout ({1} s).", label, step.Timeout.Value)));
        }
    }

    private static void CheckDependencies(BuildDefinition definition, HashSet<string> names, List<BuildDefinitionProblem> problems)
    {
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var path = BuildDefinitionProblem.Index("steps", i) + ".depends_on";
            foreach (var dependency in step?.DependsOn ?? [])
            {
                if (!names.Contains(dependency))
                {
                    problems.Add(new(path, $"Step '{step!.Name}' depends on '{dependency}', which is not a step."));
                }
                else if (string.Equals(dependency, step!.Name, StringComparison.Ordinal))
                {
                    problems.Add(new(path, $"Step '{step.Name}' depends on itself."));
                }
            }
        }
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
