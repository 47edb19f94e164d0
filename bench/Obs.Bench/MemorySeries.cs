using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Obs.Bench;

/// <summary>
/// Memory as completed instances pile up in one database: rounds of instances on one engine, and after
/// each a full GC, the managed heap, the working set and the file size; the slope is a least-squares fit.
/// </summary>
internal static class MemorySeries
{
    public sealed record Sample(int Round, int CompletedInstances, long ManagedBytes, long CommittedBytes, long WorkingSetBytes, long DatabaseBytes);

    public static async Task<IReadOnlyList<Sample>> RunAsync(int rounds, int instancesPerRound, int activitiesPerInstance, bool poll)
    {
        var samples = new List<Sample>(rounds);
        await using var engine = await BenchEngine.StartAsync().ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        for (var round = 1; round <= rounds; round++)
        {
            await engine.RunAsync(BenchEngine.FanOut, instancesPerRound, activitiesPerInstance, poll).ConfigureAwait(false);
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            samples.Add(new Sample(round, round * instancesPerRound, managed, GC.GetGCMemoryInfo().TotalCommittedBytes, process.WorkingSet64, engine.DatabaseBytes()));
        }

        return samples;
    }

    /// <summary>Least-squares slope of <paramref name="value"/> per round, over the rounds after the first <paramref name="skip"/> (warm-up).</summary>
    public static double SlopePerRound(IReadOnlyList<Sample> samples, Func<Sample, long> value, int skip)
    {
        var points = samples.Skip(skip).Select(s => (X: (double)s.Round, Y: (double)value(s))).ToList();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return covariance / variance;
    }

    public static string Format(IReadOnlyList<Sample> samples)
    {
        var text = new StringBuilder();
        text.AppendLine("| round | completed instances | managed live (MiB) | GC committed (MiB) | working set (MiB) | database (MiB) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var s in samples)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {s.Round} | {s.CompletedInstances:N0} | {Mib(s.ManagedBytes):F2} | {Mib(s.CommittedBytes):F1} | {Mib(s.WorkingSetBytes):F1} | {Mib(s.DatabaseBytes):F1} |"));
        }

        return text.ToString();
    }

    /// <summary>The least-squares slopes after the first three rounds.</summary>
    public static string FormatSlopes(IReadOnlyList<Sample> samples)
    {
        const int skip = 3;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Slope over rounds {skip + 1}–{samples.Count}: managed live {Kib(SlopePerRound(samples, s => s.ManagedBytes, skip)):F1} KiB/round, " +
            $"GC committed {Kib(SlopePerRound(samples, s => s.CommittedBytes, skip)):F1} KiB/round, " +
            $"working set {Kib(SlopePerRound(samples, s => s.WorkingSetBytes, skip)):F1} KiB/round, " +
            $"database {Kib(SlopePerRound(samples, s => s.DatabaseBytes, skip)):F1} KiB/round");
    }

    public static double Kib(double bytes) => bytes / 1024;

    public static double Mib(double bytes) => bytes / (1024 * 1024);
}
