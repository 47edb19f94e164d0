using System.Text.Json;
using Obs.Orchestrations.Build;
using Obs.Telemetry.Configuration;

namespace Obs.Cli.Hosting;

/// <summary>
/// The verbs' own sections of the config file (<c>build:</c>, <c>test:</c>) — the same file as
/// <c>tracing:</c>, found the same way: <c>--config</c>, else <c>$OBS_CONFIG</c>, else <c>./config/tracing.yaml</c>.
/// </summary>
public static class CliConfigFile
{
    public const string BuildSection = "build";
    public const string TestSection = "test";
    public const string TestCommandKey = "command";
    public const string TestFrameworkKey = "framework";

    /// <summary>The config file in use, or null when there is none.</summary>
    public static string? Locate(ConfigLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.ConfigPath ?? request.DefaultConfigPath;
        return File.Exists(path) ? path : null;
    }

    /// <summary>A top-level section as JSON, or null when the file or the section is absent.</summary>
    public static string? Section(ConfigLoadRequest request, string section)
    {
        var path = Locate(request);
        return path is null ? null : YamlSections.ReadAsJson(File.ReadAllText(path), section);
    }

    /// <summary>
    /// <c>test.command</c> (a list, or a string split at spaces) and <c>test.framework</c>; null when not set.
    /// </summary>
    public static (IReadOnlyList<string>? Command, string? Framework) TestSettings(ConfigLoadRequest request)
    {
        if (Section(request, TestSection) is not { } json)
        {
            return (null, null);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        IReadOnlyList<string>? command = root.TryGetProperty(TestCommandKey, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            JsonValueKind.Array => [.. value.EnumerateArray().Select(e => e.ToString())],
            _ => null,
        } : null;
        var framework = root.TryGetProperty(TestFrameworkKey, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        return (command, framework);
    }
}
