using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Telemetry.Catalog;

namespace Obs.Cli.Output;

/// <summary>
/// Watches the orchestration spans of this process as they end — for live progress
/// lines and the closing waterfall — without taking part in sampling (it never makes a span
/// recorded that the configured sampler dropped).
/// </summary>
public sealed class SpanTimeline : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<SpanTiming> _ended = new();
    private readonly string _prefix;

    /// <param name="spanPrefix">Only spans whose name starts with this (e.g. <c>build.step.</c>).</param>
    /// <param name="ended">Called when such a span ends (from a worker thread).</param>
    public SpanTimeline(string spanPrefix, Action<SpanTiming>? ended = null)
    {
        _prefix = spanPrefix;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ObsActivitySources.OrchestrationsName or ObsActivitySources.TestName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName.StartsWith(_prefix, StringComparison.Ordinal))
                {
                    var failed = activity.Status == ActivityStatusCode.Error;
                    var timing = new SpanTiming(activity.DisplayName[_prefix.Length..], activity.StartTimeUtc, activity.Duration, failed)
                    {
                        Continued = failed && activity.GetTagItem(AttributeKeys.Build.StepContinueOnError) is true,
                    };
                    _ended.Enqueue(timing);
                    ended?.Invoke(timing);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every matching span that ended, by start time.</summary>
    public IReadOnlyList<SpanTiming> Ended => [.. _ended.OrderBy(t => t.Start)];

    public void Dispose() => _listener.Dispose();
}

/// <summary>One finished span, for the waterfall.</summary>
public sealed record SpanTiming(string Name, DateTime Start, TimeSpan Duration, bool Failed)
{
    /// <summary>Failed, but with <c>continue_on_error</c>: the run went on, so it is shown as a warning.</summary>
    public bool Continued { get; init; }

    public DateTime End => Start + Duration;
}
