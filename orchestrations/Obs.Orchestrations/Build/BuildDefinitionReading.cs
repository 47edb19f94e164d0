namespace Obs.Orchestrations.Build;

/// <summary>
/// A build definition read from user input, with every problem found in it: unknown keys, wrongly
/// typed values and what <see cref="BuildDefinitionValidator"/> finds, each at its path.
/// </summary>
/// <param name="Definition">What could be read (wrongly typed values left out); null when nothing could.</param>
/// <param name="Problems">Every problem; the definition may run only when there are none.</param>
public sealed record BuildDefinitionReading(BuildDefinition? Definition, IReadOnlyList<BuildDefinitionProblem> Problems)
{
    /// <summary>Whether the definition can run.</summary>
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
