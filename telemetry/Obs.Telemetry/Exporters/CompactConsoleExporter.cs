using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenTelemetry;

namespace Obs.Telemetry.Exporters;

/// <summary>
/// Obs' console exporter: one line per span — end time, duration, name, status, short trace and span
/// ids, then its attributes (long values cut short) — and the resource once, before the first span.
/// The SDK's console exporter prints some thirty lines per span, each with the whole resource, which
/// buries a build's own output. Writes to <see cref="Console.Out"/> (the CLI routes it to stderr).
/// </summary>
public sealed class CompactConsoleExporter : BaseExporter<Activity>
{
    private const int ShortIdLength = 8;
    private const int MaxValueLength = 60;
    private const int MaxAttributes = 8;

    private readonly Func<TextWriter> _output;
    private readonly ExporterTally? _tally;
    private int _resourceWritten;

    /// <param name="output">Where lines go; <see cref="Console.Out"/> at the time of each export when null.</param>
    /// <param name="tally">Counts the spans written, for the exit line.</param>
    public CompactConsoleExporter(Func<TextWriter>? output = null, ExporterTally? tally = null)
    {
        _output = output ?? (() => Console.Out);
        _tally = tally;
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var output = _output();
        if (Interlocked.Exchange(ref _resourceWritten, 1) == 0)
        {
            output.WriteLine("resource " + Format(ParentProvider.GetResource().Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))));
        }

        foreach (var span in batch)
        {
            output.WriteLine(Line(span));
        }

        output.Flush();
        _tally?.Delivered((int)batch.Count);
        return ExportResult.Success;
    }

    /// <summary>The one line a span is shown as.</summary>
    public static string Line(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var end = span.StartTimeUtc + span.Duration;
        var status = span.Status switch
        {
            ActivityStatusCode.Error => span.StatusDescription is { Length: > 0 } why ? $"ERROR({Cut(why)})" : "ERROR",
            ActivityStatusCode.Ok => "ok",
            _ => "-",
        };
        var line = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{end:HH:mm:ss.fff} {span.Duration.TotalMilliseconds,9:F1} ms  {span.DisplayName}  {status}")
            .Append(CultureInfo.InvariantCulture, $"  trace {span.TraceId.ToHexString()[..ShortIdLength]} span {span.SpanId.ToHexString()[..ShortIdLength]}");
        var tags = span.TagObjects.Take(MaxAttributes + 1).ToList();
        if (tags.Count > 0)
        {
            line.Append("  ").Append(Format(tags.Take(MaxAttributes)));
            if (tags.Count > MaxAttributes)
            {
                line.Append(" …");
            }
        }

        return line.ToString();
    }

    private static string Format(IEnumerable<KeyValuePair<string, object?>> attributes) =>
        string.Join(' ', attributes.Select(a => $"{a.Key}={Cut(Value(a.Value))}"));

    private static string Value(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(',', items.Cast<object?>().Select(Value)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Cut(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxValueLength ? flat : flat[..(MaxValueLength - 1)] + "…";
    }
}
