using System.CommandLine;
using Obs.Telemetry.Configuration;

namespace Obs.Cli;

/// <summary>
/// Options every verb accepts. The tracing ones are the highest configuration layer
/// (defaults &lt; YAML &lt; environment &lt; flags) and are validated with the rest of the config.
/// </summary>
public sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = $"Tracing config file (YAML). Default: ${ObsDefaults.ConfigFileEnvironmentVariable}, else ./{ObsDefaults.ConfigFileRelativePath} if present, else built-in defaults.",
        Recursive = true,
    };

    public Option<string?> Exporter { get; } = new("--exporter")
    {
        Description = "Exporters, comma-separated: otlp, jaeger, zipkin, console, none (overrides the config file).",
        Recursive = true,
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "OTLP collector endpoint, e.g. http://localhost:4317.",
        Recursive = true,
    };

    public Option<string?> Protocol { get; } = new("--protocol")
    {
        Description = "OTLP protocol: grpc or http/protobuf.",
        Recursive = true,
    };

    public Option<string?> ServiceName { get; } = new("--service-name")
    {
        Description = "service.name of the exported spans.",
        Recursive = true,
    };

    public Option<string?> SamplingRate { get; } = new("--sampling-rate")
    {
        Description = "Sampling rate between 0 and 1 for ratio samplers.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Say which config was read and where spans go.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Config, Exporter, Endpoint, Protocol, ServiceName, SamplingRate, Verbose];

    /// <summary>The tracing flags the user gave, as the top configuration layer.</summary>
    public IReadOnlyList<ConfigFlag> ToConfigFlags(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var flags = new List<ConfigFlag>();
        Add(parse, flags, Exporter, ConfigKeys.Exporters);
        Add(parse, flags, Endpoint, ConfigKeys.OtlpEndpoint);
        Add(parse, flags, Protocol, ConfigKeys.OtlpProtocol);
        Add(parse, flags, ServiceName, ConfigKeys.ServiceName);
        Add(parse, flags, SamplingRate, ConfigKeys.SamplingRate);
        return flags;
    }

    private static void Add(ParseResult parse, List<ConfigFlag> flags, Option<string?> option, string key)
    {
        if (parse.GetValue(option) is { } value)
        {
            flags.Add(new ConfigFlag(option.Name, key, value));
        }
    }
}
