using System.Globalization;
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

    /// <summary>
    /// The shortest API key accepted. Keys are masked wherever they appear in a span, so a short one would also mask
    /// every ordinary word it occurs in (a key <c>k</c> turned <c>startup.health_checks</c> into
    /// <c>startup.health_chec[REDACTED]s</c>) — besides being guessable.
    /// </summary>
    public const int MinimumKeyLength = 8;

    private static readonly string ShortKeyMessage =
        $"an API key must be at least {MinimumKeyLength} characters: a shorter one is guessable, and masking it would garble every span it occurs in.";

    /// <summary>Ten years: a longer retention is a typo, not a policy.</summary>
    private const double MaxRetentionHours = 24 * 366 * 10;

    /// <summary>Flag values that override the file (null when not given).</summary>
    public sealed record Flags(string? Urls, string? WorkingRoot, int? MaxConcurrentActivities);

    public static ServeSettings Read(ConfigLoadRequest request, Flags flags, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(problems);
        var settings = new ServeSettings();
        // The file is located and parsed once (the same reader as tracing:); every section below comes from it.
        using (var file = ConfigFileReader.Open(request, problems))
        {
            ReadServe(file, settings);
            ReadSecurity(file, settings, problems);
            ReadDefaultBuild(file, settings, problems);
        }

        if (request.Environment.TryGetValue(ApiKeyVariable, out var key) && key?.Trim() is { Length: > 0 } trimmed)
        {
            if (trimmed.Length < MinimumKeyLength)
            {
                problems.Add(new ConfigProblem(ApiKeyVariable, "environment", "***", ShortKeyMessage));
            }
            else
            {
                settings.ConfiguredKeys.Add(trimmed);
            }
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

    private static void ReadServe(ConfigFileReader file, ServeSettings settings)
    {
        file.RejectUnknownKeys(ServeSection, [UrlsKey, MaxConcurrentActivitiesKey, MaxRequestBodyBytesKey, RetentionHoursKey]);
        settings.Urls = file.ReadString(Key(ServeSection, UrlsKey)) ?? settings.Urls;
        settings.MaxConcurrentActivities = file.ReadPositiveInt(Key(ServeSection, MaxConcurrentActivitiesKey)) ?? settings.MaxConcurrentActivities;
        settings.Api.MaxRequestBodyBytes = file.ReadPositiveLong(Key(ServeSection, MaxRequestBodyBytesKey)) ?? settings.Api.MaxRequestBodyBytes;
        if (file.ReadDouble(Key(ServeSection, RetentionHoursKey), hours => hours > 0 && hours <= MaxRetentionHours, "must be a positive number of hours (e.g. 168 for a week)") is { } retention)
        {
            settings.Retention = TimeSpan.FromHours(retention);
        }
    }

    private static void ReadSecurity(ConfigFileReader file, ServeSettings settings, List<ConfigProblem> problems)
    {
        file.RejectUnknownKeys(SecuritySection, [ApiKeysKey, AllowedCommandsKey, WorkingRootKey]);
        foreach (var apiKey in Strings(file, Key(SecuritySection, ApiKeysKey), secret: true))
        {
            settings.ConfiguredKeys.Add(apiKey);
        }

        if (file.Has(Key(SecuritySection, AllowedCommandsKey)))
        {
            settings.Api.AllowedCommands = Strings(file, Key(SecuritySection, AllowedCommandsKey), secret: false);
        }

        var rootKey = Key(SecuritySection, WorkingRootKey);
        if (file.ReadString(rootKey) is { } root)
        {
            SetWorkingRoot(settings, root, rootKey, file.SourceOf(rootKey), problems);
        }
    }

    private static void ReadDefaultBuild(ConfigFileReader file, ServeSettings settings, List<ConfigProblem> problems)
    {
        if (file.KeysOf(CliConfigFile.BuildSection).Count == 0 && file.ReadString(CliConfigFile.BuildSection) is null)
        {
            return;
        }

        var source = file.SourceOf(CliConfigFile.BuildSection);
        try
        {
            var json = file.SectionAsJson(CliConfigFile.BuildSection) ?? "null";
            if (Commands.BuildFile.TryLoadJson(json, $"{source}: {CliConfigFile.BuildSection}", out var definition, out var buildProblems))
            {
                settings.Api.DefaultBuild = definition;
            }
            else
            {
                problems.AddRange(buildProblems.Select(p => new ConfigProblem(CliConfigFile.BuildSection, source, null, p)));
            }
        }
        catch (Exception ex) when (ex is YamlFormatException or BuildDefinitionFormatException)
        {
            problems.Add(new ConfigProblem(CliConfigFile.BuildSection, source, null, ex.Message));
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

    /// <summary>A non-empty string or a list of them; an empty item is a problem (a secret is never echoed).</summary>
    private static IReadOnlyList<string> Strings(ConfigFileReader file, string key, bool secret)
    {
        var strings = new List<string>();
        foreach (var item in file.ReadList(key) ?? [])
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                file.Report(key, secret ? "***" : item, "must be a non-empty string or a list of them.");
            }
            else if (secret && item.Trim().Length < MinimumKeyLength)
            {
                file.Report(key, "***", ShortKeyMessage);
            }
            else
            {
                strings.Add(item.Trim());
            }
        }

        return strings;
    }

    private static string Key(string section, string name) => $"{section}.{name}";
}
