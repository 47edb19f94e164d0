using Obs.Cli.Serve;
using Obs.Telemetry.Configuration;

namespace Obs.Cli.Tests.Serve;

/// <summary>obs serve's own settings: the serve: and security: sections, $OBS_API_KEY, then flags.</summary>
public sealed class ServeSettingsReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-serve-settings-").FullName;

    [Fact]
    public void Read_EverySetting_LandsInTheApiOptions()
    {
        var root = Directory.CreateDirectory(Path.Combine(_directory, "root")).FullName;
        var config = Write($"""
            serve:
              urls: "http://127.0.0.1:9001;http://127.0.0.1:9002"
              max_concurrent_activities: 3
              max_request_body_bytes: 2048
              retention_hours: 168
            security:
              api_keys: [first-key, second-key]
              allowed_commands: [echo, python3]
              working_root: {root}
            build:
              steps:
                - name: default
                  type: command
                  command: echo default
            """);

        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(Request(config, ("OBS_API_KEY", "env-key-1")), new ServeSettingsReader.Flags(null, null, null), problems);

        Assert.Empty(problems);
        Assert.Equal("http://127.0.0.1:9001;http://127.0.0.1:9002", settings.Urls);
        Assert.Equal(3, settings.MaxConcurrentActivities);
        Assert.Equal(2048, settings.Api.MaxRequestBodyBytes);
        Assert.Equal(TimeSpan.FromDays(7), settings.Retention);
        Assert.Equal(["first-key", "second-key", "env-key-1"], settings.ConfiguredKeys);
        Assert.Equal(["echo", "python3"], settings.Api.AllowedCommands);
        Assert.Equal(root, settings.Api.WorkingRoot);
        Assert.Equal("default", Assert.Single(settings.Api.DefaultBuild!.Steps).Name);
    }

    [Fact]
    public void Read_Flags_OverrideTheFile()
    {
        var config = Write("serve:\n  urls: http://127.0.0.1:9001\n  max_concurrent_activities: 3\n");

        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(Request(config), new ServeSettingsReader.Flags("http://127.0.0.1:9100", _directory, 7), problems);

        Assert.Empty(problems);
        Assert.Equal("http://127.0.0.1:9100", settings.Urls);
        Assert.Equal(7, settings.MaxConcurrentActivities);
        Assert.Equal(Path.GetFullPath(_directory), settings.Api.WorkingRoot);
    }

    [Fact]
    public void Read_NoFile_DefaultsTo1MiBBodiesLoopbackAndNoAllowlist()
    {
        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(Request(Path.Combine(_directory, "absent.yaml")), new ServeSettingsReader.Flags(null, null, null), problems);

        Assert.Empty(problems);
        Assert.Equal("http://127.0.0.1:8000", settings.Urls);
        Assert.Equal(1024 * 1024, settings.Api.MaxRequestBodyBytes);
        Assert.Null(settings.Api.AllowedCommands);
        Assert.Null(settings.Retention);
        Assert.Empty(settings.ConfiguredKeys);
    }

    [Fact]
    public void Read_BadValues_OneProblemPerKey_AndNoKeyValueEchoed()
    {
        var config = Write("""
            serve:
              max_request_body_bytes: lots
              retention_hours: -1
            security:
              api_keys: [{secret: 12345}]
              allowed_commands: [echo, ""]
            build:
              steps: []
            """);

        var problems = new List<ConfigProblem>();
        ServeSettingsReader.Read(Request(config), new ServeSettingsReader.Flags(null, null, 0), problems);

        Assert.Equal(
            ["build", "security.allowed_commands", "security.api_keys[0]", "serve.max_concurrent_activities", "serve.max_request_body_bytes", "serve.retention_hours"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("12345", string.Join('\n', problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortApiKeys_AreProblemsNamingTheKey_NeverAcceptedOrEchoed()
    {
        var config = Write("""
            security:
              api_keys: [long-enough-key, short7x]
            """);

        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(Request(config, ("OBS_API_KEY", "k")), new ServeSettingsReader.Flags(null, null, null), problems);

        Assert.Equal(["OBS_API_KEY", "security.api_keys"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("at least 8 characters", p.Message, StringComparison.Ordinal));
        Assert.Equal(["long-enough-key"], settings.ConfiguredKeys);
        Assert.DoesNotContain("short7x", string.Join('\n', problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedYaml_OneProblemNamingTheFile_NotAnException()
    {
        var config = Write("serve:\n  urls: [\n");

        var problems = new List<ConfigProblem>();
        ServeSettingsReader.Read(Request(config), new ServeSettingsReader.Flags(null, null, null), problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{config}:", problem.Source, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedNumbers_AreAcceptedLikeTracingNumbers()
    {
        var config = Write("serve:\n  retention_hours: \"168\"\n  max_concurrent_activities: \"3\"\n  max_request_body_bytes: \"2048\"\n");

        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(Request(config), new ServeSettingsReader.Flags(null, null, null), problems);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromDays(7), settings.Retention);
        Assert.Equal(3, settings.MaxConcurrentActivities);
        Assert.Equal(2048, settings.Api.MaxRequestBodyBytes);
    }

    [Fact]
    public void Read_BadServeValue_ProblemNamesTheKeyAndFileLine()
    {
        var config = Write("serve:\n  urls: http://127.0.0.1:9001\n  retention_hours: soon\n");

        var problems = new List<ConfigProblem>();
        ServeSettingsReader.Read(Request(config), new ServeSettingsReader.Flags(null, null, null), problems);

        var problem = Assert.Single(problems);
        Assert.Equal("serve.retention_hours", problem.Key);
        Assert.Equal($"{config}:3", problem.Source);
        Assert.Equal("soon", problem.Value);
    }

    [Fact]
    public void Read_ConfigNamedByObsConfigVariable_IsTheFileRead()
    {
        var config = Write("serve:\n  retention_hours: 24\n");
        var request = new ConfigLoadRequest
        {
            DefaultConfigPath = Path.Combine(_directory, "absent.yaml"),
            Environment = new Dictionary<string, string?> { [ObsDefaults.ConfigFileEnvironmentVariable] = config },
        };

        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(request, new ServeSettingsReader.Flags(null, null, null), problems);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromDays(1), settings.Retention);
        Assert.Equal(config, Obs.Cli.Hosting.CliConfigFile.Locate(request));
        Assert.Equal(config, ObsConfigurationLoader.Load(request).ConfigFile);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "obs.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static ConfigLoadRequest Request(string config, params (string Name, string Value)[] environment) => new()
    {
        ConfigPath = config,
        Environment = environment.ToDictionary(e => e.Name, e => (string?)e.Value),
    };
}
