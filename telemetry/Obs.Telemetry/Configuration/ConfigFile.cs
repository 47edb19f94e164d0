using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// The Obs config file, read from disk and parsed once per <see cref="ConfigLoadRequest"/>, however many
/// sections are read from it: <c>tracing:</c> and <c>app:</c> by <see cref="ObsConfigurationLoader"/>,
/// <c>serve:</c>, <c>security:</c> and <c>test:</c> by <see cref="ConfigFileReader"/>, <c>build:</c> as JSON.
/// Every reader walks the same parsed events, so all see the same content, and a file that is not YAML is
/// one problem at its <c>file:line</c>, whichever section asks.
/// </summary>
public sealed class ConfigFile
{
    private readonly IReadOnlyList<ParsingEvent> _events;

    private ConfigFile(string path, IReadOnlyList<ParsingEvent> events, ConfigProblem? problem)
    {
        Path = path;
        _events = events;
        Problem = problem;
    }

    /// <summary>The path as it was given (problems name it so).</summary>
    public string Path { get; }

    /// <summary>Why the file cannot be used (unreadable, not YAML), or null; such a file has no sections.</summary>
    public ConfigProblem? Problem { get; }

    /// <summary>Reads and parses <paramref name="path"/>: its first YAML document, as parser events.</summary>
    public static ConfigFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConfigFile(path, [], new ConfigProblem(YamlConfigurationProvider.FileKey, path, null, $"cannot read the config file: {ex.Message}"));
        }

        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        try
        {
            // Only the first document is configuration; whatever follows it is not read.
            while (parser.MoveNext() && parser.Current is { } current)
            {
                events.Add(current);
                if (current is DocumentEnd)
                {
                    break;
                }
            }
        }
        catch (YamlException ex)
        {
            return new ConfigFile(path, [], SyntaxError(path, ex.Start, ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner sometimes fails without a YamlException; the last event read is the best position we have.
            return new ConfigFile(path, [], SyntaxError(path, parser.Current?.End ?? Mark.Empty, "the YAML is malformed (check brackets, quotes and indentation)"));
        }

        return new ConfigFile(path, events, null);
    }

    /// <summary>
    /// A top-level section as JSON (plain scalars typed by the YAML core schema, as build files are), or null
    /// when the file has no such section or cannot be used.
    /// </summary>
    /// <exception cref="YamlFormatException">The section uses YAML Obs does not read (anchors, aliases).</exception>
    public string? SectionAsJson(string section)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        if (Problem is not null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(YamlJsonConverter.ToJson(Events()));
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(section, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetRawText()
            : null;
    }

    /// <summary>A fresh walk over the parsed events, from <see cref="StreamStart"/>.</summary>
    internal IParser Events() => new Replay(_events);

    /// <summary><c>path:line</c>, how every problem in the file names where it is.</summary>
    internal string Origin(Mark mark) => Origin(Path, mark);

    private static string Origin(string path, Mark mark) => $"{path}:{mark.Line.ToString(CultureInfo.InvariantCulture)}";

    private static ConfigProblem SyntaxError(string path, Mark mark, string message) => new(
        YamlConfigurationProvider.FileKey,
        Origin(path, mark),
        null,
        $"YAML syntax error at line {mark.Line}, column {mark.Column}: {message}");

    /// <summary>YamlDotNet's parser contract over events already parsed.</summary>
    private sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _index = -1;

        public ParsingEvent? Current => _index >= 0 && _index < events.Count ? events[_index] : null;

        public bool MoveNext() => ++_index < events.Count;
    }
}
