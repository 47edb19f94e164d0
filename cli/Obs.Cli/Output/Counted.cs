using System.Globalization;

namespace Obs.Cli.Output;

/// <summary>A count with its noun in the right number, for summaries: <c>1 error</c>, <c>2 errors</c>.</summary>
public static class Counted
{
    /// <summary><paramref name="count"/> and <paramref name="noun"/> (singular), plural unless the count is one.</summary>
    public static string Of(long count, string noun)
    {
        ArgumentException.ThrowIfNullOrEmpty(noun);
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : noun + "s")}");
    }
}
