namespace Obs.Telemetry.Configuration;

/// <summary>The built-in defaults: the lowest layer of configuration, and the one place they are written.</summary>
public static class ObsDefaults
{
    public const string ServiceName = "obs";
    public const string Environment = "development";
    public const int OtlpTimeoutMillis = 10000;
    public const string ConfigFileRelativePath = "config/tracing.yaml";
    public const string ConfigFileEnvironmentVariable = "OBS_CONFIG";

    public static readonly Uri OtlpGrpcEndpoint = new("http://localhost:4317");
    public static readonly Uri OtlpHttpEndpoint = new("http://localhost:4318");
    public static readonly Uri ZipkinEndpoint = new("http://localhost:9411/api/v2/spans");

    /// <summary>The informational version of Obs itself (without the source-revision suffix).</summary>
    public static string ServiceVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var version = typeof(ObsDefaults).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
