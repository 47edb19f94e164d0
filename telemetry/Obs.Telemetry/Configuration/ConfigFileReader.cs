using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// The config file's own sections (<c>serve:</c>, <c>security:</c>, <c>test:</c>, …) read with the same value
/// rules as <c>tracing:</c>: the file is parsed once (<see cref="ConfigFile"/>), quoted numbers are accepted the same way,
/// and every problem names its key and <c>file:line</c>.
/// </summary>
public sealed class ConfigFileReader : IDisposable
{
    private readonly ConfigurationRoot _root;
    private readonly ConfigValueReader _reader;
    private readonly List<ConfigProblem> _problems;
    private readonly ConfigFile? _file;
    private int _problemsTaken;

    private ConfigFileReader(ConfigFile? file, List<ConfigProblem> problems)
    {
        _file = file;
        _problems = problems;
        var yaml = file is null ? null : new YamlConfigurationProvider(file);
        _root = new ConfigurationRoot(yaml is null ? [] : [yaml]);
        if (yaml is { Problems.Count: > 0 })
        {
            // A file that does not parse is one problem at its line, not one more per half-read key.
            _problems.AddRange(yaml.Problems);
            _root.Dispose();
            _root = new ConfigurationRoot([]);
        }

        _reader = new ConfigValueReader(_root);
    }

    /// <summary>The file read, or null when there is none.</summary>
    public string? Path => _file?.Path;

    /// <summary>
    /// Reads the sections of <paramref name="request"/>'s file (<see cref="ConfigLoadRequest.File"/>: parsed once, the
    /// same parse the tracing load uses). A named file that does not exist is reported by
    /// <see cref="ObsConfigurationLoader.Load"/>, which every verb runs; here it reads as no file.
    /// </summary>
    public static ConfigFileReader Open(ConfigLoadRequest request, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        return new ConfigFileReader(request.File, problems);
    }

    /// <summary>A top-level section as JSON (see <see cref="ConfigFile.SectionAsJson"/>), or null.</summary>
    /// <exception cref="YamlFormatException">The section uses YAML Obs does not read (anchors, aliases).</exception>
    public string? SectionAsJson(string section) => _file?.SectionAsJson(section);

    /// <summary>The names of the keys set under <paramref name="section"/> (e.g. <c>serve</c>).</summary>
    public IReadOnlyList<string> KeysOf(string section) =>
        [.. _root.GetSection(Key(section)).GetChildren().Select(child => child.Key)];

    /// <summary>True when the file has the section (or a value where it should be).</summary>
    public bool Has(string section) => _root.GetSection(Key(section)).Exists();

    /// <summary>A single non-empty value, or null (a list or map where a value belongs is a problem).</summary>
    public string? ReadString(string key) => Flush(_reader.FindNonEmpty(Key(key))?.Value);

    public int? ReadPositiveInt(string key) => Flush(_reader.ReadPositiveInt(Key(key)));

    public long? ReadPositiveLong(string key) => Flush(_reader.ReadPositiveLong(Key(key)));

    public double? ReadDouble(string key, Func<double, bool> isAllowed, string rule) => Flush(_reader.ReadDouble(Key(key), isAllowed, rule));

    /// <summary>A list (a YAML sequence or one value); each item as a string, with where it was set.</summary>
    public IReadOnlyList<string>? ReadList(string key) => Flush(_reader.ReadList(Key(key), splitCommas: false)?.Select(item => item.Value).ToArray());

    /// <summary>Where <paramref name="key"/> was set (<c>file:line</c>), or the file when it is not set.</summary>
    public string SourceOf(string key) =>
        _root.Providers.OfType<ConfigLayerProvider>().Select(layer => layer.OriginOf(Key(key))).FirstOrDefault(origin => origin is not null)
        ?? Path ?? "config";

    /// <summary>Records a problem with <paramref name="key"/> at the line it was set.</summary>
    public void Report(string key, string? value, string message) =>
        _problems.Add(new ConfigProblem(key, SourceOf(key), value, message));

    /// <summary>Records every child of <paramref name="section"/> that is not in <paramref name="known"/>.</summary>
    public void RejectUnknownKeys(string section, IReadOnlyCollection<string> known)
    {
        _reader.RejectUnknownKeys(Key(section), known);
        TakeProblems();
    }

    public void Dispose() => _root.Dispose();

    private static string Key(string dotted) => dotted.Replace('.', ':');

    private T Flush<T>(T value)
    {
        TakeProblems();
        return value;
    }

    /// <summary>Moves the problems the value reader found since the last read into the caller's list.</summary>
    private void TakeProblems()
    {
        _problems.AddRange(_reader.Problems.Skip(_problemsTaken));
        _problemsTaken = _reader.Problems.Count;
    }
}
