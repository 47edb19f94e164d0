namespace Obs.Orchestrations.Build;

/// <summary>
/// Which steps each step waits for. Without any <c>depends_on</c> in the definition, every step
/// waits for the one before it (the original, sequential format); with one, exactly what
/// <c>depends_on</c> says, and steps without it start at once.
/// </summary>
internal static class BuildGraph
{
    /// <summary>True when some step declares <c>depends_on</c>.</summary>
    public static bool IsDag(BuildDefinition definition) =>
        definition.Steps.Any(s => s?.DependsOn is { Count: > 0 });

    /// <summary>The steps each step (by name) waits for, in definition order.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Dependencies(BuildDefinition definition)
    {
        var dag = IsDag(definition);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var step in definition.Steps)
        {
            if (step is null || string.IsNullOrWhiteSpace(step.Name))
            {
                continue;
            }

            IReadOnlyList<string> waitsFor = dag ? [.. (step.DependsOn ?? []).Distinct(StringComparer.Ordinal)] : previous is null ? [] : [previous];
            result.TryAdd(step.Name, waitsFor);
            previous = step.Name;
        }

        return result;
    }

    /// <summary>A cycle among known steps as the names along it (first repeated last), or null. Self-references are not reported here.</summary>
    public static IReadOnlyList<string>? FindCycle(BuildDefinition definition)
    {
        var edges = Dependencies(definition);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in edges.Keys)
        {
            if (Visit(start, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    // state: absent = unvisited, 1 = on the current path, 2 = done.
    private static List<string>? Visit(string node, Dictionary<string, IReadOnlyList<string>> edges, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(node, out var seen))
        {
            return seen == 1 ? [.. path[path.IndexOf(node)..], node] : null;
        }

        state[node] = 1;
        path.Add(node);
        foreach (var next in edges[node])
        {
            if (!edges.ContainsKey(next) || string.Equals(next, node, StringComparison.Ordinal))
            {
                continue;
            }

            if (Visit(next, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }
}
