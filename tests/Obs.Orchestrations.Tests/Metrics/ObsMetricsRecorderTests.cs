using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Obs.Orchestrations.Build;
using Obs.Orchestrations.TestRuns;
using Obs.Telemetry.Metrics;

namespace Obs.Orchestrations.Tests.Metrics;

/// <summary>The dashboard instruments receive what finished builds and test runs report.</summary>
public sealed class ObsMetricsRecorderTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string? Pipeline)> _measurements = new();
    private readonly string _pipeline = "metrics-test-" + Guid.NewGuid().ToString("N");

    public ObsMetricsRecorderTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is ObsMeters.BuildName or ObsMeters.TestName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public void RecordBuild_FailedBuild_CountsRunNotSuccessAndRecordsDuration()
    {
        ObsMetricsRecorder.RecordBuild(new BuildResult { Name = _pipeline, Success = false, DurationSeconds = 12.5 });
        ObsMetricsRecorder.RecordBuild(new BuildResult { Name = _pipeline, Success = true, DurationSeconds = 3 });

        var mine = _measurements.Where(m => m.Pipeline == _pipeline).ToList();
        Assert.Equal(2, mine.Count(m => m.Instrument == ObsInstruments.BuildRunsName));
        Assert.Single(mine, m => m.Instrument == ObsInstruments.BuildSucceededName);
        Assert.Equal([3, 12.5], mine.Where(m => m.Instrument == ObsInstruments.BuildDurationName).Select(m => m.Value).Order());
    }

    [Fact]
    public void RecordTestRun_CountsFailuresAndErrorsAndSetsCoverage()
    {
        ObsMetricsRecorder.RecordTestRun(new TestRunResult { Framework = _pipeline, Failed = 2, Errors = 1, CoveragePercentage = 87.5 });

        var mine = _measurements.Where(m => m.Pipeline == _pipeline).ToList();
        Assert.Equal(3, mine.Single(m => m.Instrument == ObsInstruments.TestFailedName).Value);
        Assert.Equal(87.5, mine.Single(m => m.Instrument == ObsInstruments.TestCoverageName).Value);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? key = null;
        foreach (var tag in tags)
        {
            if (tag.Key is "cicd.pipeline.name" or "test.framework")
            {
                key = tag.Value as string;
            }
        }

        _measurements.Enqueue((instrument.Name, value, key));
    }
}
