using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// One layer of Obs configuration (YAML file, environment, flags) as an <see cref="IConfigurationProvider"/>
/// that also remembers where each key came from, so a problem can name the file line, variable or flag,
/// and collects the problems it found while loading (a malformed file or <c>k=v</c> list).
/// </summary>
internal abstract class ConfigLayerProvider : ConfigurationProvider
{
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ConfigProblem> _problems = [];

    /// <summary>Problems found while loading this layer.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>
    /// Where <paramref name="key"/> (a value or a section) was set in this layer, e.g. <c>config/tracing.yaml:12</c>
    /// or <c>env OTEL_TRACES_SAMPLER_ARG</c>; null when this layer does not set it.
    /// </summary>
    public string? OriginOf(string key)
    {
        if (_origins.TryGetValue(key, out var origin))
        {
            return origin;
        }

        // A loop, not Where(...).Select(...): Select over a LINQ iterator is a generic virtual call, which NativeAOT
        // resolves at run time on first use — and this runs for every key read at every start (docs/PERFORMANCE.md).
        var prefix = key + ConfigurationPath.KeyDelimiter;
        foreach (var (setKey, setOrigin) in _origins)
        {
            if (setKey.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return setOrigin;
            }
        }

        return null;
    }

    /// <summary>True when this layer sets <paramref name="key"/> itself or anything below it.</summary>
    public bool Covers(string key) => OriginOf(key) is not null;

    public override void Load()
    {
        Data.Clear();
        _origins.Clear();
        _problems.Clear();
        LoadLayer();
    }

    protected abstract void LoadLayer();

    protected void Set(string key, string? value, string origin)
    {
        Data[key] = value;
        _origins[key] = origin;
    }

    /// <summary>Remembers where a section starts without giving it a value (e.g. a YAML mapping's key line).</summary>
    protected void MarkSection(string key, string origin) => _origins.TryAdd(key, origin);

    protected void Report(ConfigProblem problem) => _problems.Add(problem);
}
