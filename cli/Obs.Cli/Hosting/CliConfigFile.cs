using Obs.Telemetry.Configuration;

namespace Obs.Cli.Hosting;

/// <summary>
/// The verbs' own sections of the config file (<c>build:</c>, <c>test:</c>) — the same file as
/// <c>tracing:</c>, found by <see cref="ObsConfigurationLoader.LocateConfigFile"/>, parsed once per request
/// (<see cref="ConfigLoadRequest.File"/>) and read with the same value rules.
/// </summary>
public static class CliConfigFile
{
    public const string BuildSection = "build";
    public const string TestSection = "test";
    public const string TestCommandKey = "command";
    public const string TestFrameworkKey = "framework";

    /// <summary>The config file in use, or null when there is none (a missing named file is reported by the tracing load).</summary>
    public static string? Locate(ConfigLoadRequest request) => ObsConfigurationLoader.LocateConfigFile(request, []);

    /// <summary>A top-level section as JSON, or null when the file or the section is absent.</summary>
    /// <exception cref="UsageException">The file is not valid YAML, or the section uses YAML Obs does not read.</exception>
    public static string? Section(ConfigLoadRequest request, string section)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.File is not { } file)
        {
            return null;
        }

        if (file.Problem is { } problem)
        {
            throw new UsageException($"config: {problem}");
        }

        try
        {
            return file.SectionAsJson(section);
        }
        catch (YamlFormatException ex)
        {
            throw new UsageException($"config: {file.Path}: {ex.Message}");
        }
    }

    /// <summary>
    /// <c>test.command</c> (a list, or a string split at spaces) and <c>test.framework</c>; null when not set.
    /// A value of the wrong shape throws a <see cref="UsageException"/> naming the key and <c>file:line</c>.
    /// </summary>
    public static (IReadOnlyList<string>? Command, string? Framework) TestSettings(ConfigLoadRequest request)
    {
        var problems = new List<ConfigProblem>();
        using var file = ConfigFileReader.Open(request, problems);
        if (!file.Has(TestSection))
        {
            return (null, null);
        }

        file.RejectUnknownKeys(TestSection, [TestCommandKey, TestFrameworkKey]);
        var framework = ReadFramework(file);
        var command = ReadCommand(file);
        if (problems.Count > 0)
        {
            throw new UsageException([.. problems.Select(problem => $"config: {problem}")]);
        }

        return (command, framework);
    }

    /// <summary>A command line split at spaces, or a list of its arguments; a map is a problem.</summary>
    private static IReadOnlyList<string>? ReadCommand(ConfigFileReader file)
    {
        var key = $"{TestSection}.{TestCommandKey}";
        var children = file.KeysOf(key);
        if (children.Count == 0)
        {
            return file.ReadString(key)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (children.All(child => int.TryParse(child, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return file.ReadList(key);
        }

        file.Report(key, null, "must be a command line or a list of its arguments, not a map.");
        return null;
    }

    /// <summary>A framework is a name (pytest, dotnet, junit): a number or a list is a mistake, not a name.</summary>
    private static string? ReadFramework(ConfigFileReader file)
    {
        var key = $"{TestSection}.{TestFrameworkKey}";
        if (file.ReadString(key) is not { } name)
        {
            return null;
        }

        if (name.Length > 0 && char.IsAsciiLetter(name[0]))
        {
            return name.Trim();
        }

        file.Report(key, name, "must be a test framework name such as pytest, dotnet or junit.");
        return null;
    }
}
