using System.Collections.Concurrent;
using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Tracing;
using Obs.Testing.Tracing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Api.Tests.Hosting;

/// <summary>
/// One tracer provider for the whole test process, configured as <c>obs serve</c> configures its own:
/// ASP.NET Core's own server spans (the API's first middleware adds the original design's attributes), every Obs
/// source and the caller source. Listeners are process-wide and test classes run in parallel: read spans by trace
/// id only.
/// </summary>
public static class ServerTraces
{
    public const string AspNetCoreSource = AspNetCoreServerSpans.SourceName;

    private static readonly ConcurrentQueue<Activity> s_ended = new();
    private static readonly Lazy<TracerProvider> s_provider = new(() => Sdk.CreateTracerProviderBuilder()
        .AddAspNetCoreServerSpans()
        .AddSource([.. ObsActivitySources.AllNames])
        .AddSource(ObsSpanCollector.CallerSource.Name)
        .SetSampler(new AlwaysOnSampler())
        .AddProcessor(new Collect())
        .Build()!);

    /// <summary>Builds the provider (once) so that requests from now on are traced.</summary>
    public static void EnsureListening() => _ = s_provider.Value;

    /// <summary>The ended spans of one trace, in the order they ended.</summary>
    public static IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. s_ended.Where(a => a.TraceId == traceId)];

    /// <summary>The spans of <paramref name="traceId"/> once <paramref name="done"/> holds for them (spans end after responses are sent); at most 30 s.</summary>
    public static async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var spans = InTrace(traceId);
            if (done(spans) || clock.Elapsed > Patience.Timeout)
            {
                return spans;
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The ASP.NET Core server span of a trace, once it has ended.</summary>
    public static async Task<Activity> ServerSpanAsync(ActivityTraceId traceId)
    {
        var spans = await WaitForAsync(traceId, s => s.Any(IsServerSpan));
        return Assert.Single(spans, IsServerSpan);
    }

    public static bool IsServerSpan(Activity span) => span.Source.Name == AspNetCoreSource && span.Kind == ActivityKind.Server;

    private sealed class Collect : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => s_ended.Enqueue(data);
    }
}
