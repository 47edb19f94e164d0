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

    /// <summary>The version of Obs itself (the build's <c>$(Version)</c>, a constant: no reflection at start-up).</summary>
    public const string ServiceVersion = ObsVersion.Value;
}
