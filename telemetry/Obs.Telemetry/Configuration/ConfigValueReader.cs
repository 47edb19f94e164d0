using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Obs.Telemetry.Configuration;

/// <summary>
/// Reads typed values out of the layered configuration, one key at a time, and records a
/// <see cref="ConfigProblem"/> for every value that does not parse, naming the key, the layer's source and the value.
/// </summary>
/// <remarks>
/// The configuration binder is not used on purpose: it stops at the first conversion error and cannot say
/// which file line, variable or flag a value came from. Here the winning layer for a key is found by walking
/// <see cref="IConfigurationRoot.Providers"/> from the highest, and each value is parsed with the invariant culture.
/// </remarks>
internal sealed class ConfigValueReader
{
    private readonly IConfigurationRoot _root;
    private readonly ConfigLayerProvider[] _layersHighestFirst;
    private readonly List<ConfigProblem> _problems = [];

    public ConfigValueReader(IConfigurationRoot root)
    {
        _root = root;
        _layersHighestFirst = root.Providers.OfType<ConfigLayerProvider>().Reverse().ToArray();
    }

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public void Report(ConfigSetting setting, string message, string? value = null) =>
        _problems.Add(new ConfigProblem(setting.Key, setting.Source, value ?? setting.Value, message));

    /// <summary>The highest layer's value for <paramref name="key"/>, or null when no layer sets a value there.</summary>
    public ConfigSetting? Find(string key)
    {
        if (FindValue(key) is { } setting)
        {
            return setting;
        }

        if (HighestLayerCovering(key) is { } sectionLayer)
        {
            _problems.Add(new ConfigProblem(ConfigKeys.ToDotted(key), sectionLayer.OriginOf(key) ?? "?", null, "expected a single value, found a list or map"));
        }

        return null;
    }

    /// <summary>The value, or null when it is not set or is the empty string (which means "not set").</summary>
    public ConfigSetting? FindNonEmpty(string key) => Find(key) is { } setting && setting.Value.Trim().Length > 0 ? setting : null;

    public bool? ReadBool(string key)
    {
        if (FindNonEmpty(key) is not { } setting)
        {
            return null;
        }

        if (bool.TryParse(setting.Value.Trim(), out var value))
        {
            return value;
        }

        Report(setting, "must be true or false");
        return null;
    }

    public int? ReadPositiveInt(string key)
    {
        if (FindNonEmpty(key) is not { } setting)
        {
            return null;
        }

        if (int.TryParse(setting.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Report(setting, "must be a positive whole number");
        return null;
    }

    public long? ReadPositiveLong(string key)
    {
        if (FindNonEmpty(key) is not { } setting)
        {
            return null;
        }

        if (long.TryParse(setting.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Report(setting, "must be a positive whole number");
        return null;
    }

    public double? ReadDouble(string key, Func<double, bool> isAllowed, string rule)
    {
        if (FindNonEmpty(key) is not { } setting)
        {
            return null;
        }

        if (double.TryParse(setting.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && isAllowed(value))
        {
            return value;
        }

        Report(setting, rule);
        return null;
    }

    /// <summary>An absolute http or https URL; the empty string means "not set".</summary>
    public Uri? ReadEndpoint(string key)
    {
        if (FindNonEmpty(key) is not { } setting)
        {
            return null;
        }

        if (Uri.TryCreate(setting.Value.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        Report(setting, "must be an absolute http:// or https:// URL (or \"\" for none)");
        return null;
    }

    /// <summary>
    /// A list, taken whole from the highest layer that sets it: a YAML sequence, or (when
    /// <paramref name="splitCommas"/>) a comma-separated string. Null when no layer sets it or it is "".
    /// </summary>
    public IReadOnlyList<ConfigSetting>? ReadList(string key, bool splitCommas)
    {
        if (HighestLayerCovering(key) is not { } layer)
        {
            return null;
        }

        var items = new List<ConfigSetting>();
        var children = layer.GetChildKeys([], key).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var child in children)
        {
            var childKey = ConfigurationPath.Combine(key, child);
            var itemKey = $"{ConfigKeys.ToDotted(key)}[{child}]";
            if (layer.TryGet(childKey, out var value) && value is not null)
            {
                items.Add(new ConfigSetting(itemKey, value, layer.OriginOf(childKey) ?? "?", layer));
            }
            else
            {
                _problems.Add(new ConfigProblem(itemKey, layer.OriginOf(childKey) ?? "?", null, "expected a single value, found a list or map"));
            }
        }

        if (children.Length > 0 || !layer.TryGet(key, out var text) || text is null)
        {
            return items;
        }

        if (text.Trim().Length == 0)
        {
            return null;
        }

        var source = layer.OriginOf(key) ?? "?";
        var parts = splitCommas ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [text];
        return parts.Select(part => new ConfigSetting(ConfigKeys.ToDotted(key), part, source, layer)).ToArray();
    }

    /// <summary>A map merged across layers: each entry's value comes from the highest layer that sets that entry.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigSetting>> ReadMap(string key, bool isSecret)
    {
        if (FindValue(key) is { } scalar && scalar.Value.Trim().Length > 0)
        {
            Report(scalar, "expected a map of name: value entries", isSecret ? SecretMask.Masked : null);
        }

        var entries = new List<KeyValuePair<string, ConfigSetting>>();
        foreach (var child in _root.GetSection(key).GetChildren())
        {
            if (Find(child.Path) is { } entry)
            {
                entries.Add(new(child.Key, entry));
            }
        }

        return entries;
    }

    /// <summary>
    /// Reports every child of <paramref name="section"/> that Obs does not know (a typo must not pass silently),
    /// and a single value where the section should be.
    /// </summary>
    public void RejectUnknownKeys(string section, IReadOnlyCollection<string> knownChildren)
    {
        if (FindValue(section) is { } scalar && scalar.Value.Trim().Length > 0)
        {
            Report(scalar, "expected a section of keys, found a single value");
        }

        foreach (var child in _root.GetSection(section).GetChildren())
        {
            if (knownChildren.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var source = HighestLayerCovering(child.Path)?.OriginOf(child.Path) ?? "?";
            _problems.Add(new ConfigProblem(
                ConfigKeys.ToDotted(child.Path),
                source,
                child.Value,
                $"unknown key; {ConfigKeys.ToDotted(section)} accepts {string.Join(", ", knownChildren.Order(StringComparer.Ordinal))}"));
        }
    }

    private ConfigSetting? FindValue(string key)
    {
        foreach (var layer in _layersHighestFirst)
        {
            if (layer.TryGet(key, out var value) && value is not null)
            {
                return new ConfigSetting(ConfigKeys.ToDotted(key), value, layer.OriginOf(key) ?? "?", layer);
            }
        }

        return null;
    }

    private ConfigLayerProvider? HighestLayerCovering(string key) =>
        _layersHighestFirst.FirstOrDefault(layer => layer.Covers(key));
}
