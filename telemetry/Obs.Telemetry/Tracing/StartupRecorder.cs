using System.Diagnostics;
using Obs.Telemetry.Catalog;

namespace Obs.Telemetry.Tracing;

/// <summary>
/// Records a host's own start-up as it happens — before telemetry exists, since loading the
/// configuration is itself a phase — and emits it afterwards as <c>startup.initialize</c> with
/// <c>startup.config.load</c>, <c>startup.dependencies.load</c>, <c>startup.resources.initialize</c>
/// and <c>startup.health_checks</c> children carrying their real start and end times.
/// </summary>
public sealed class StartupRecorder
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly List<Phase> _phases = [];

    public StartupRecorder(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _started = _time.GetUtcNow();
    }

    /// <summary>When start-up began: hosts start their own span here so start-up sits inside it.</summary>
    public DateTimeOffset StartedAt => _started;

    /// <summary>The phases recorded so far, in order.</summary>
    public IReadOnlyList<Phase> Phases => _phases;

    /// <summary>Measures one phase until the returned scope is disposed; <paramref name="spanName"/> comes from <see cref="SpanNames"/>.</summary>
    public PhaseScope Measure(string spanName) => new(this, spanName, _time.GetUtcNow());

    /// <summary>Marks the last phase failed (its span gets Error status and the exception event).</summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (_phases.Count > 0)
        {
            _phases[^1] = _phases[^1] with { Failure = exception };
        }
    }

    /// <summary>Emits the recorded start-up under <paramref name="parent"/> (default: <see cref="Activity.Current"/>).</summary>
    public Activity? Emit(ActivitySource source, string component, ActivityContext parent = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var end = _phases.Count == 0 ? _time.GetUtcNow() : _phases[^1].End;
        using var root = source.StartActivity(SpanNames.StartupInitialize, ActivityKind.Internal, parent, [new(AttributeKeys.Startup.Component, component)], startTime: _started);
        if (root is null)
        {
            return null;
        }

        foreach (var phase in _phases)
        {
            using var span = source.StartActivity(phase.SpanName, ActivityKind.Internal, root.Context, startTime: phase.Start);
            if (phase.Failure is not null)
            {
                span.RecordFailure(phase.Failure);
                root.SetError(phase.Failure.GetType().FullName ?? "error", $"{phase.SpanName} failed");
            }

            span?.SetEndTime(phase.End.UtcDateTime);
        }

        root.SetTag(AttributeKeys.Startup.DurationMs, (end - _started).TotalMilliseconds);
        root.SetEndTime(end.UtcDateTime);
        return root;
    }

    private void Add(Phase phase) => _phases.Add(phase);

    /// <summary>One measured phase.</summary>
    public sealed record Phase(string SpanName, DateTimeOffset Start, DateTimeOffset End)
    {
        public Exception? Failure { get; init; }
    }

    /// <summary>Ends a phase when disposed.</summary>
    public readonly struct PhaseScope(StartupRecorder recorder, string spanName, DateTimeOffset start) : IDisposable
    {
        public void Dispose() => recorder.Add(new Phase(spanName, start, recorder._time.GetUtcNow()));
    }
}
