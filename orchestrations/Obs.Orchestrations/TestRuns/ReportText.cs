namespace Obs.Orchestrations.TestRuns;

/// <summary>Bounds the free text a report carries (stack traces, captured output) so one noisy test cannot bloat the model.</summary>
public static class ReportText
{
    /// <summary>The most characters kept per text field; the head is kept and the rest counted.</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary><paramref name="text"/> trimmed of surrounding blank lines and cut to <see cref="MaxLength"/>; empty becomes <see langword="null"/>.</summary>
    public static string? Bound(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim('\r', '\n');
        return trimmed.Length <= MaxLength
            ? trimmed
            : $"{trimmed[..MaxLength]}\n… [{trimmed.Length - MaxLength} more characters truncated]";
    }
}
