using System.Globalization;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Orchestrations.Build;
using Obs.Telemetry.Configuration;

namespace Obs.Cli.Serve;

/// <summary>
/// Reads <c>obs serve</c>'s settings — the config file's <c>serve:</c> and <c>security:</c> sections,
/// <c>$OBS_API_KEY</c>, then flags — and reports every bad value with its key, as the tracing config does.
/// </summary>
public static class ServeSettingsReader
{
    public const string ServeSection = "serve";
    public const string SecuritySection = "security";
    public const string ApiKeyVariable = "OBS_API_KEY";

    public const string UrlsKey = "urls";
    public const string MaxConcurrentActivitiesKey = "max_concurrent_activities";
    public const string MaxRequestBodyBytesKey = "max_request_body_bytes";
    public const string RetentionHoursKey = "retention_hours";
    public const string ApiKeysKey = "api_keys";
    public const string AllowedCommandsKey = "allowed_commands";
    public const string WorkingRootKey = "working_root";

    /// <summary>Flag values that override the file (null when not given).</summary>
    public sealed record Flags(string? Urls, string? WorkingRoot, int? MaxConcurrentActivities);

    public static ServeSettings Read(ConfigLoadRequest request, Flags flags, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(problems);
        var settings = new ServeSettings();
        var path = CliConfigFile.Locate(request);
        var source = path ?? "config";
        // The file is read and parsed once; every section below comes from it.
        var file = path is null ? null : ReadFile(path, problems);
        ReadServe(Section(file, ServeSection, source, problems), settings, source, problems);
        ReadSecurity(Section(file, SecuritySection, source, problems), settings, source, problems);
        ReadDefaultBuild(file, settings, source, problems);

        if (request.Environment.TryGetValue(ApiKeyVariable, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            settings.ConfiguredKeys.Add(key.Trim());
        }

        settings.Urls = flags.Urls ?? settings.Urls;
        if (flags.WorkingRoot is { } root)
        {
            SetWorkingRoot(settings, root, $"{SecuritySection}.{WorkingRootKey}", "flag --working-root", problems);
        }

        if (flags.MaxConcurrentActivities is { } max)
        {
            if (max < 1)
            {
                problems.Add(new ConfigProblem($"{ServeSection}.{MaxConcurrentActivitiesKey}", "flag --max-activities", max.ToString(CultureInfo.InvariantCulture), "must be at least 1."));
            }
            else
            {
                settings.MaxConcurrentActivities = max;
            }
        }

        CheckUrls(settings.Urls, problems);
        return settings;
    }

    private static JsonElement? ReadFile(string path, List<ConfigProblem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(YamlSections.ReadAllAsJson(File.ReadAllText(path)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is BuildDefinitionFormatException or JsonException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem("config", path, null, ex.Message));
            return null;
        }
    }

    private static JsonElement? Section(JsonElement? file, string name, string source, List<ConfigProblem> problems)
    {
        if (file is not { } root || !root.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ConfigProblem(name, source, null, "must be a mapping of keys to values."));
            return null;
        }

        return section;
    }

    private static void ReadServe(JsonElement? section, ServeSettings settings, string source, List<ConfigProblem> problems)
    {
        foreach (var (name, value) in Entries(section))
        {
            var key = $"{ServeSection}.{name}";
            switch (name)
            {
                case UrlsKey when value.ValueKind == JsonValueKind.String:
                    settings.Urls = value.GetString()!;
                    break;
                case MaxConcurrentActivitiesKey when value.TryGetInt32(out var max) && max >= 1:
                    settings.MaxConcurrentActivities = max;
                    break;
                case MaxRequestBodyBytesKey when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var bytes) && bytes >= 1:
                    settings.Api.MaxRequestBodyBytes = bytes;
                    break;
                case RetentionHoursKey when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var hours) && hours > 0 && hours <= 24 * 366 * 10:
                    settings.Retention = TimeSpan.FromHours(hours);
                    break;
                case RetentionHoursKey:
                    problems.Add(new ConfigProblem(key, source, value.ToString(), "must be a positive number of hours (e.g. 168 for a week)."));
                    break;
                case UrlsKey:
                    problems.Add(new ConfigProblem(key, source, value.ToString(), "must be a URL, or several separated by ';'."));
                    break;
                case MaxConcurrentActivitiesKey or MaxRequestBodyBytesKey:
                    problems.Add(new ConfigProblem(key, source, value.ToString(), "must be a whole number, at least 1."));
                    break;
                default:
                    problems.Add(new ConfigProblem(key, source, null, $"unknown key; expected {UrlsKey}, {MaxConcurrentActivitiesKey}, {MaxRequestBodyBytesKey} or {RetentionHoursKey}."));
                    break;
            }
        }
    }

    private static void ReadSecurity(JsonElement? section, ServeSettings settings, string source, List<ConfigProblem> problems)
    {
        foreach (var (name, value) in Entries(section))
        {
            var key = $"{SecuritySection}.{name}";
            switch (name)
            {
                case ApiKeysKey:
                    foreach (var apiKey in Strings(value, key, source, problems, secret: true))
                    {
                        settings.ConfiguredKeys.Add(apiKey);
                    }

                    break;
                case AllowedCommandsKey:
                    settings.Api.AllowedCommands = Strings(value, key, source, problems, secret: false);
                    break;
                case WorkingRootKey when value.ValueKind == JsonValueKind.String:
                    SetWorkingRoot(settings, value.GetString()!, key, source, problems);
                    break;
                case WorkingRootKey:
                    problems.Add(new ConfigProblem(key, source, value.ToString(), "must be a directory path."));
                    break;
                default:
                    problems.Add(new ConfigProblem(key, source, null, $"unknown key; expected {ApiKeysKey}, {AllowedCommandsKey} or {WorkingRootKey}."));
                    break;
            }
        }
    }

    private static void ReadDefaultBuild(JsonElement? file, ServeSettings settings, string source, List<ConfigProblem> problems)
    {
        if (file is not { } root || !root.TryGetProperty(CliConfigFile.BuildSection, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var json = section.GetRawText();

        if (Commands.BuildFile.TryLoadJson(json, $"{source}: {CliConfigFile.BuildSection}", out var definition, out var buildProblems))
        {
            settings.Api.DefaultBuild = definition;
        }
        else
        {
            problems.AddRange(buildProblems.Select(p => new ConfigProblem(CliConfigFile.BuildSection, source, null, p)));
        }
    }

    private static void SetWorkingRoot(ServeSettings settings, string root, string key, string source, List<ConfigProblem> problems)
    {
        var full = Path.GetFullPath(root);
        if (Directory.Exists(full))
        {
            settings.Api.WorkingRoot = full;
        }
        else
        {
            problems.Add(new ConfigProblem(key, source, root, "is not an existing directory."));
        }
    }

    private static void CheckUrls(string urls, List<ConfigProblem> problems)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add(new ConfigProblem($"{ServeSection}.{UrlsKey}", "flag --urls or config", url, "is not an http(s) URL such as http://127.0.0.1:8000."));
            }
        }
    }

    private static IReadOnlyList<string> Strings(JsonElement value, string key, string source, List<ConfigProblem> problems, bool secret)
    {
        IEnumerable<JsonElement> items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        var strings = new List<string>();
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                strings.Add(item.GetString()!.Trim());
            }
            else
            {
                problems.Add(new ConfigProblem(key, source, secret ? "***" : item.ToString(), "must be a non-empty string or a list of them."));
            }
        }

        return strings;
    }

    private static IEnumerable<(string Name, JsonElement Value)> Entries(JsonElement? section) =>
        section is { } element ? element.EnumerateObject().Select(p => (p.Name, p.Value)) : [];
}
