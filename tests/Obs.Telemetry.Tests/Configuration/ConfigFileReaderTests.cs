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

    [Fact]
    public void OneRequest_ReadsTheFileOnce_ForEverySection()
    {
        var path = Path.Combine(_directory, "obs.yaml");
        File.WriteAllText(path, "tracing:\n  service_name: first\nserve:\n  hours: 1\nbuild:\n  name: first\n");
        var request = new ConfigLoadRequest { ConfigPath = path };
        var problems = new List<ConfigProblem>();

        var tracing = ObsConfigurationLoader.Load(request);
        File.WriteAllText(path, "tracing:\n  service_name: second\nserve:\n  hours: 2\nbuild:\n  name: second\n");
        using var file = ConfigFileReader.Open(request, problems);

        // Every section of one request comes from the same read, whatever happened to the file since.
        Assert.Equal("first", tracing.Options.ServiceName);
        Assert.Equal(1, file.ReadDouble("serve.hours", _ => true, "must be a number"));
        Assert.Equal("{\"name\":\"first\"}", file.SectionAsJson("build"));
        Assert.Same(request.File, request.File);
        Assert.Empty(problems);

        // A new request (the next invocation) reads the file again.
        Assert.Equal("second", ObsConfigurationLoader.Load(new ConfigLoadRequest { ConfigPath = path }).Options.ServiceName);
    }

    [Fact]
    public void NotYaml_IsOneProblemAtItsLine_ForTheLoaderAndTheSectionReader()
    {
        var path = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(path, "tracing:\n  service_name: ok\nserve: [unclosed\n");
        var request = new ConfigLoadRequest { ConfigPath = path };
        var problems = new List<ConfigProblem>();

        var tracing = ObsConfigurationLoader.Load(request);
        using (var file = ConfigFileReader.Open(request, problems))
        {
            Assert.Null(file.ReadString("tracing.service_name"));
            Assert.Null(file.SectionAsJson("tracing"));
        }

        var problem = Assert.Single(tracing.Errors);
        Assert.Equal([problem], problems);
        Assert.StartsWith(path + ":", problem.Source, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
