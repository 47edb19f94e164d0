namespace Obs.Orchestrations;

/// <summary>
/// The "did you mean" of a misspelt name (a build definition key, a CLI option or verb): the known
/// name within a few typos of what was written, or one it is the start of.
/// </summary>
public static class ClosestName
{
    /// <summary>
    /// The entry of <paramref name="known"/> closest to <paramref name="typed"/> (case-insensitive,
    /// a swap of two neighbours is one typo), or null when none is close enough to be what was meant.
    /// </summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var word = typed.TrimStart('-').ToLowerInvariant();
        if (word.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var other = candidate.TrimStart('-').ToLowerInvariant();
            var distance = other.Length > word.Length && word.Length >= 3 && other.StartsWith(word, StringComparison.Ordinal)
                ? 1
                : Distance(word, other);
            if (distance < bestDistance && distance <= Tolerance(word.Length))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Short names tolerate one typo, longer ones two or three: "nme" → "name", "framwork" → "framework",
    // but "url" never suggests "env".
    private static int Tolerance(int length) => length <= 4 ? 1 : length <= 8 ? 2 : 3;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
