using System.Diagnostics;
using System.Globalization;

namespace Obs.Bench;

/// <summary>Timed repetitions of one scenario: a warm-up run (discarded), then <c>n</c> runs, summarised by the median.</summary>
internal sealed record Measurement(string Name, int Activities, IReadOnlyList<TimeSpan> Runs)
{
    public TimeSpan Median => Sorted[Sorted.Count / 2];

    public TimeSpan Min => Sorted[0];

    public TimeSpan Max => Sorted[^1];

    /// <summary>Activity completions persisted per second, at the median.</summary>
    public double ActivitiesPerSecond => Activities / Median.TotalSeconds;

    private List<TimeSpan> Sorted => [.. Runs.Order()];

    /// <summary>Runs <paramref name="scenario"/> once to warm up, then <paramref name="repetitions"/> times on a fresh engine and database each, timing only the scenario.</summary>
    public static async Task<Measurement> TakeAsync(string name, int activities, int repetitions, Func<BenchEngine, Task> scenario)
    {
        var runs = new List<TimeSpan>(repetitions);
        for (var i = -1; i < repetitions; i++)
        {
            await using var engine = await BenchEngine.StartAsync().ConfigureAwait(false);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            await scenario(engine).ConfigureAwait(false);
            clock.Stop();
            if (i >= 0)
            {
                runs.Add(clock.Elapsed);
            }
        }

        return new Measurement(name, activities, runs);
    }

    public string ToRow(string target, bool met) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Activities:N0} | {Median.TotalMilliseconds:F0} ms | {Min.TotalMilliseconds:F0}–{Max.TotalMilliseconds:F0} ms | {ActivitiesPerSecond:N0}/s | {target} | {(met ? "met" : "NOT met")} |");
}
