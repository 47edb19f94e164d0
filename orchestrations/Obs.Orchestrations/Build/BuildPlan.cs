namespace Obs.Orchestrations.Build;

/// <summary>
/// The build's progress as a deterministic state machine (orchestrator code: no clock, no I/O).
/// A step is ready when every step it waits for has succeeded, or failed with
/// <c>continue_on_error</c>. A step that fails without <c>continue_on_error</c> fails the build,
/// and every step that waits for it, directly or transitively, is skipped. A failure with
/// <c>continue_on_error</c> neither fails the build nor stops its dependents.
/// </summary>
public sealed class BuildPlan
{
    private readonly BuildDefinition _definition;
    private readonly Dictionary<string, IReadOnlyList<string>> _waitsFor;
    private readonly Dictionary<string, BuildStepDefinition> _steps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BuildStepResult> _results = new(StringComparer.Ordinal);

    /// <summary>A plan over a valid definition (see <see cref="BuildDefinitionValidator"/>).</summary>
    public BuildPlan(BuildDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _waitsFor = BuildGraph.Dependencies(definition);
        foreach (var step in definition.Steps)
        {
            _steps.TryAdd(step.Name, step);
        }
    }

    /// <summary>True when some step runs without its predecessor (the definition uses <c>depends_on</c>).</summary>
    public bool IsDag => BuildGraph.IsDag(_definition);

    /// <summary>Steps started and not yet completed.</summary>
    public int RunningCount => _started.Count(name => !_results.ContainsKey(name));

    /// <summary>
    /// Skips what can no longer run, then returns the steps that are ready, in definition order, and
    /// marks them started. Call it again after each <see cref="Complete"/>.
    /// </summary>
    public IReadOnlyList<BuildStepDefinition> TakeReady()
    {
        SkipBlocked();
        var ready = new List<BuildStepDefinition>();
        foreach (var step in _definition.Steps)
        {
            if (!_started.Contains(step.Name) && !_results.ContainsKey(step.Name) && _waitsFor[step.Name].All(Satisfied))
            {
                _started.Add(step.Name);
                ready.Add(step);
            }
        }

        return ready;
    }

    /// <summary>Records a started step's result.</summary>
    public void Complete(BuildStepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsFailure && _steps.TryGetValue(result.Name, out var step) && step.ContinueOnError)
        {
            result = result with { ContinuedOnError = true };
        }

        if (!_started.Contains(result.Name) || !_results.TryAdd(result.Name, result))
        {
            throw new InvalidOperationException($"Step '{result.Name}' was not running.");
        }
    }

    /// <summary>True when nothing runs and nothing more can start.</summary>
    public bool IsFinished => RunningCount == 0 && _results.Count == _steps.Count;

    /// <summary>True when no step failed without <c>continue_on_error</c>.</summary>
    public bool Succeeded => _results.Values.All(r => !r.IsFailure || r.ContinuedOnError);

    /// <summary>Every step's result, in definition order (steps not finished yet are left out).</summary>
    public IReadOnlyList<BuildStepResult> Results =>
        [.. _definition.Steps.Where(s => _results.ContainsKey(s.Name)).Select(s => _results[s.Name])];

    private bool Satisfied(string dependency) =>
        _results.TryGetValue(dependency, out var result) &&
        (result.Status == BuildStepStatus.Succeeded || (result.IsFailure && _steps[dependency].ContinueOnError));

    private bool Blocks(string dependency) =>
        _results.TryGetValue(dependency, out var result) && !Satisfied(dependency);

    private void SkipBlocked()
    {
        // Definition order is not topological in a DAG, so repeat until nothing changes.
        bool changed;
        do
        {
            changed = false;
            foreach (var step in _definition.Steps)
            {
                if (_started.Contains(step.Name) || _results.ContainsKey(step.Name))
                {
                    continue;
                }

                var blocker = _waitsFor[step.Name].FirstOrDefault(Blocks);
                if (blocker is not null)
                {
                    _results[step.Name] = new BuildStepResult
                    {
                        Name = step.Name,
                        Status = BuildStepStatus.Skipped,
                        Error = $"skipped: '{blocker}' {(_results[blocker].Status == BuildStepStatus.Skipped ? "was skipped" : "failed")}",
                    };
                    changed = true;
                }
            }
        }
        while (changed);
    }
}
