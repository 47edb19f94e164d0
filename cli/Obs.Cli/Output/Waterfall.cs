using System.Globalization;
using System.Text;

namespace Obs.Cli.Output;

/// <summary>Renders spans as a text waterfall: one row each, a bar placed by start time and sized by duration.</summary>
public static class Waterfall
{
    private const int BarWidth = 40;

    public static IReadOnlyList<string> Render(IReadOnlyList<SpanTiming> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return [];
        }

        var origin = spans.Min(s => s.Start);
        var total = Math.Max((spans.Max(s => s.End) - origin).TotalMilliseconds, 1);
        var nameWidth = Math.Min(Math.Max(spans.Max(s => s.Name.Length), 4), 40);
        var rows = new List<string>(spans.Count);
        foreach (var span in spans)
        {
            var offset = (int)Math.Round((span.Start - origin).TotalMilliseconds / total * BarWidth);
            var length = Math.Max(1, (int)Math.Round(span.Duration.TotalMilliseconds / total * BarWidth));
            offset = Math.Min(offset, BarWidth - 1);
            length = Math.Min(length, BarWidth - offset);
            var bar = new StringBuilder(BarWidth)
                .Append(' ', offset)
                .Append(span.Failed ? 'x' : '█', length)
                .Append(' ', BarWidth - offset - length);
            var name = span.Name.Length > nameWidth ? span.Name[..(nameWidth - 1)] + "…" : span.Name.PadRight(nameWidth);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{name} |{bar}| {Format(span.Duration)}"));
        }

        return rows;
    }

    /// <summary>A duration for people: 850 ms, 12.3 s, 4m05s.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:F0} ms")
        : duration.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F1} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m{duration.Seconds:D2}s");
}
