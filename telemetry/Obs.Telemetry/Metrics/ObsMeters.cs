using System.Diagnostics.Metrics;
using Obs.Telemetry.Configuration;

namespace Obs.Telemetry.Metrics;

/// <summary>
/// One named, versioned <see cref="Meter"/> per component, exported through the same exporters as
/// the traces. Instruments (build duration, test failures, coverage, benchmark latency) are added
/// by the components that record them.
/// </summary>
public static class ObsMeters
{
    public const string BuildName = "Obs.Build";
    public const string TestName = "Obs.Test";
    public const string BenchmarkName = "Obs.Benchmark";

    public static readonly Meter Build = new(BuildName, ObsDefaults.ServiceVersion);
    public static readonly Meter Test = new(TestName, ObsDefaults.ServiceVersion);
    public static readonly Meter Benchmark = new(BenchmarkName, ObsDefaults.ServiceVersion);

    /// <summary>Every meter name, for <c>MeterProviderBuilder.AddMeter</c>.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [BuildName, TestName, BenchmarkName];
}
