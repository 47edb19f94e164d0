using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Obs.Telemetry.Tracing;

namespace Obs.Bench.Telemetry;

/// <summary>
/// An Obs helper span (<see cref="ObsTracing.StartSpan"/>) against a raw <see cref="ActivitySource"/> span,
/// both listened to and recorded; and both with no listener, where the cost should be about nothing.
/// </summary>
[MemoryDiagnoser]
public class SpanBenchmarks
{
    private const string ListenedName = "Obs.Bench.Listened";
    private const string SilentName = "Obs.Bench.Silent";
    private const string SpanName = "build.step.compile";

    // The baseline is the raw ActivitySource the catalog's sources wrap, so it is built here on purpose.
#pragma warning disable RS0030
    private readonly ActivitySource _listened = new(ListenedName);
    private readonly ActivitySource _silent = new(SilentName);
#pragma warning restore RS0030
    private ActivityListener? _listener;

    [GlobalSetup]
    public void Listen()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ListenedName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Stop() => _listener?.Dispose();

    [Benchmark(Baseline = true)]
    public Activity? RawActivitySource()
    {
        using var span = _listened.StartActivity(SpanName);
        return span;
    }

    [Benchmark]
    public Activity? ObsHelper()
    {
        using var span = _listened.StartSpan(SpanName);
        return span;
    }

    [Benchmark]
    public int ObsTraceOperation() => _listened.Trace(SpanName, _ => 1);

    [Benchmark]
    public Activity? RawNoListener()
    {
        using var span = _silent.StartActivity(SpanName);
        return span;
    }

    [Benchmark]
    public Activity? ObsHelperNoListener()
    {
        using var span = _silent.StartSpan(SpanName);
        return span;
    }
}
