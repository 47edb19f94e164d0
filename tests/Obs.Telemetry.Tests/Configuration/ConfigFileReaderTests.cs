using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Tests.Configuration;

/// <summary>Any section of the config file, read with tracing's value rules and file:line problems.</summary>
public sealed class ConfigFileReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-config-file-").FullName;

    [Fact]
    public void Read_QuotedNumber_IsANumber_AndABadOneNamesKeyAndLine()
    {
        var path = Path.Combine(_directory, "obs.yaml");
        File.WriteAllText(path, "serve:\n  hours: \"168\"\n  count: many\n  extra: 1\n");
        var problems = new List<ConfigProblem>();

        using (var file = ConfigFileReader.Open(new ConfigLoadRequest { ConfigPath = path }, problems))
        {
            Assert.Equal(168, file.ReadDouble("serve.hours", _ => true, "must be a number"));
            Assert.Null(file.ReadPositiveInt("serve.count"));
            file.RejectUnknownKeys("serve", ["hours", "count"]);
        }

        Assert.Equal(
            [("serve.count", $"{path}:3"), ("serve.extra", $"{path}:4")],
            problems.Select(p => (p.Key, p.Source)));
    }

    [Fact]
    public void LocateConfigFile_ObsConfigVariable_WhenNoFlag()
    {
        var path = Path.Combine(_directory, "from-env.yaml");
        File.WriteAllText(path, "tracing: {}\n");
        var request = new ConfigLoadRequest
        {
            DefaultConfigPath = Path.Combine(_directory, "absent.yaml"),
            Environment = new Dictionary<string, string?> { [ObsDefaults.ConfigFileEnvironmentVariable] = path },
        };

        Assert.Equal(path, ObsConfigurationLoader.LocateConfigFile(request, []));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
