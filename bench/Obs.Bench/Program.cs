using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Obs.Bench;

// dotnet run -c Release --project bench/Obs.Bench -- [all|throughput|fanout|concurrent|memory] [repetitions] [memory rounds]
var which = args.Length > 0 ? args[0] : "all";
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
string[] known = ["all", "throughput", "fanout", "concurrent", "memory"];
if (!known.Contains(which, StringComparer.Ordinal) || repetitions < 1 || rounds < 5)
{
    await Console.Error.WriteLineAsync($"usage: Obs.Bench [{string.Join('|', known)}] [repetitions >= 1] [memory rounds >= 5]");
    return 2;
}

bool Runs(string scenario) => which is "all" || which == scenario;

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}, median of {repetitions} after 1 warm-up"));
Console.WriteLine();
Console.WriteLine("| scenario | activities | median | min–max | completions/s | target | result |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---|");

if (Runs("throughput"))
{
    var one = await Measurement.TakeAsync("1 instance × 5,000 fan-out", 5_000, repetitions, e => e.RunAsync(BenchEngine.FanOut, 1, 5_000));
    Console.WriteLine(one.ToRow("≥ 2,000/s", one.ActivitiesPerSecond >= 2_000));
    var many = await Measurement.TakeAsync("50 instances × 100 fan-out", 5_000, repetitions, e => e.RunAsync(BenchEngine.FanOut, 50, 100));
    Console.WriteLine(many.ToRow("≥ 2,000/s", many.ActivitiesPerSecond >= 2_000));
}

if (Runs("fanout"))
{
    var fanOut = await Measurement.TakeAsync("1 instance × 1,000 fan-out", 1_000, repetitions, e => e.RunAsync(BenchEngine.FanOut, 1, 1_000));
    Console.WriteLine(fanOut.ToRow("< 2 s", fanOut.Median < TimeSpan.FromSeconds(2)));
}

if (Runs("concurrent"))
{
    var chains = await Measurement.TakeAsync("100 instances × 10 in sequence", 1_000, repetitions, e => e.RunAsync(BenchEngine.Chain, 100, 10));
    Console.WriteLine(chains.ToRow("< 5 s", chains.Median < TimeSpan.FromSeconds(5)));
    var fans = await Measurement.TakeAsync("100 instances × 10 fan-out", 1_000, repetitions, e => e.RunAsync(BenchEngine.FanOut, 100, 10));
    Console.WriteLine(fans.ToRow("< 5 s", fans.Median < TimeSpan.FromSeconds(5)));
}

if (Runs("memory"))
{
    const int throwawayRounds = 40;
    // JIT tiering, the thread pool and SQLite's page cache grow during the first seconds: warm them up
    // on a throwaway engine, so the series shows accumulation rather than start-up.
    await MemorySeries.RunAsync(throwawayRounds, instancesPerRound: 100, activitiesPerInstance: 10, poll: false);
    foreach (var poll in new[] { false, true })
    {
        var samples = await MemorySeries.RunAsync(rounds, instancesPerRound: 100, activitiesPerInstance: 10, poll);
        Console.WriteLine();
        Console.WriteLine(
            $"Memory ({(poll ? "waiting by polling GetInstanceAsync" : "waiting with WaitForInstanceCompletionAsync")}): after {throwawayRounds} warm-up rounds on a throwaway engine, " +
            $"{rounds} rounds of 100 instances × 10 activities on one engine and database; full GC after each round.");
        Console.WriteLine();
        Console.Write(MemorySeries.Format(samples));
        Console.WriteLine();
        Console.WriteLine(MemorySeries.FormatSlopes(samples));
    }
}

return 0;
