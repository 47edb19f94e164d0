using System.Diagnostics.Metrics;
using System.Reflection;
using Obs.Telemetry.Metrics;

namespace Obs.Deploy.Tests;

/// <summary>
/// The Prometheus series names the collector's prometheus exporter produces for Obs' instruments,
/// derived from <see cref="ObsInstruments"/> (name, unit, kind), so renaming an instrument or changing
/// its unit breaks the dashboard tests instead of silently emptying a panel.
/// </summary>
internal static class PrometheusNames
{
    /// <summary>Every <see cref="Instrument"/> that <see cref="ObsInstruments"/> declares.</summary>
    public static IReadOnlyList<Instrument> Instruments() =>
        [.. typeof(ObsInstruments)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(Instrument).IsAssignableFrom(f.FieldType))
            .Select(f => (Instrument)f.GetValue(null)!)];

    /// <summary>The instrument behind one of the <see cref="ObsInstruments"/> name constants.</summary>
    public static Instrument Instrument(string name) => Assert.Single(Instruments(), i => i.Name == name);

    /// <summary>
    /// OpenTelemetry → Prometheus: dots become underscores, the unit becomes a suffix (s → _seconds,
    /// ms → _milliseconds, % → _percent; annotations such as {build} are dropped), monotonic counters
    /// get _total, histograms are queried as _bucket, _sum and _count.
    /// </summary>
    public static IReadOnlyList<string> SeriesOf(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_').Replace('-', '_');
        var unit = UnitSuffix(instrument.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }

        if (type == typeof(Histogram<>))
        {
            return [name + "_bucket", name + "_sum", name + "_count"];
        }

        return [name];
    }

    /// <summary>Every series name Obs exports.</summary>
    public static IReadOnlySet<string> AllSeries() =>
        Instruments().SelectMany(SeriesOf).ToHashSet(StringComparer.Ordinal);

    public static string UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => "",
        _ when unit.StartsWith('{') => "",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "min" => "minutes",
        "h" => "hours",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "%" => "percent",
        _ => throw new InvalidOperationException($"No Prometheus suffix known for unit '{unit}'; extend PrometheusNames.UnitSuffix."),
    };
}
