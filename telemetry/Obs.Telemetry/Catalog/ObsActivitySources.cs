using System.Diagnostics;

namespace Obs.Telemetry.Catalog;

/// <summary>
/// One named, versioned <see cref="ActivitySource"/> per component. Hosts subscribe to all of them
/// through <see cref="AllNames"/>; a component only ever starts spans on its own source.
/// </summary>
public static class ObsActivitySources
{
    public const string CliName = "Obs.Cli";
    public const string BuildName = "Obs.Build";
    public const string TestName = "Obs.Test";
    public const string BenchmarkName = "Obs.Benchmark";
    public const string StartupName = "Obs.Startup";
    public const string OrchestrationsName = "Obs.Orchestrations";

    public static readonly ActivitySource Cli = Create(CliName);
    public static readonly ActivitySource Build = Create(BuildName);
    public static readonly ActivitySource Test = Create(TestName);
    public static readonly ActivitySource Benchmark = Create(BenchmarkName);
    public static readonly ActivitySource Startup = Create(StartupName);
    public static readonly ActivitySource Orchestrations = Create(OrchestrationsName);

    /// <summary>Every source name, for <c>TracerProviderBuilder.AddSource</c>.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
        [CliName, BuildName, TestName, BenchmarkName, StartupName, OrchestrationsName];

    private static ActivitySource Create(string name) => new(name, Configuration.ObsDefaults.ServiceVersion);
}
