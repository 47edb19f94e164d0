using System.Text.Json.Serialization;

namespace Obs.Orchestrations.Build;

/// <summary>One step of a <see cref="BuildDefinition"/>.</summary>
public sealed record BuildStepDefinition
{
    /// <summary>The keys a step accepts, with what each holds (the properties' JSON names).</summary>
    public static IReadOnlyList<DefinitionKey> JsonKeys { get; } =
    [
        new("name", DefinitionValueKind.String),
        new("type", DefinitionValueKind.String),
        new("module", DefinitionValueKind.String),
        new("args", DefinitionValueKind.StringList),
        new("command", DefinitionValueKind.String),
        new("python", DefinitionValueKind.String),
        new("working_dir", DefinitionValueKind.String),
        new("env", DefinitionValueKind.StringMap),
        new("timeout", DefinitionValueKind.Seconds),
        new("depends_on", DefinitionValueKind.StringList),
        new("continue_on_error", DefinitionValueKind.Boolean),
    ];

    /// <summary>Unique within the build; the span is <c>build.step.&lt;name&gt;</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary><c>python</c> (runs <c>&lt;python&gt; -m &lt;module&gt; &lt;args&gt;</c>) or <c>command</c> (runs <c>command</c> in the shell).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>The Python module of a <c>python</c> step, e.g. <c>pip</c>.</summary>
    [JsonPropertyName("module")]
    public string? Module { get; init; }

    /// <summary>
    /// Arguments: after <c>-m &lt;module&gt;</c> for a python step; appended shell-quoted to the
    /// command line of a command step.
    /// </summary>
    [JsonPropertyName("args")]
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>The shell command line of a <c>command</c> step.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>The interpreter of a <c>python</c> step; default <c>python3</c>.</summary>
    [JsonPropertyName("python")]
    public string? Python { get; init; }

    /// <summary>The step's working directory, relative to the project; default: the project.</summary>
    [JsonPropertyName("working_dir")]
    public string? WorkingDir { get; init; }

    /// <summary>Environment variables added to (or, with a null value, removed from) the step's environment.</summary>
    [JsonPropertyName("env")]
    public IReadOnlyDictionary<string, string?>? Env { get; init; }

    /// <summary>Seconds after which the step's process tree is killed (status <c>timed_out</c>); none by default.</summary>
    [JsonPropertyName("timeout")]
    public double? Timeout { get; init; }

    /// <summary>Steps that must finish first. Present on any step, it turns the build into a DAG.</summary>
    [JsonPropertyName("depends_on")]
    public IReadOnlyList<string>? DependsOn { get; init; }

    /// <summary>
    /// When true, this step's failure does not fail the build and its dependents still run.
    /// </summary>
    [JsonPropertyName("continue_on_error")]
    public bool ContinueOnError { get; init; }
}
