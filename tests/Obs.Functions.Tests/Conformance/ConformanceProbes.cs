using System.Collections.Concurrent;
using Obs.Orchestrations;

namespace Obs.Functions.Tests.Conformance;

/// <summary>
/// Orchestrations that exist only to observe an engine: how often activity code really ran (side
/// effects counted outside the engine), how often orchestrator code ran (replays), and when retries came.
/// </summary>
internal static class ConformanceProbes
{
    public const string SideEffects = "ConformanceSideEffects";
    public const string CountSideEffect = "ConformanceCountSideEffect";
    public const string Retried = "ConformanceRetried";
    public const string FailTwice = "ConformanceFailTwice";
    public const int Steps = 3;

    /// <summary>The retried activity's first delay; the second is twice that.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1.5);

    /// <summary>Activity executions per instance id.</summary>
    public static ConcurrentDictionary<string, int> ActivityRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>Orchestrator executions (first run and every replay) per instance id.</summary>
    public static ConcurrentDictionary<string, int> OrchestratorRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>When each attempt of the retried activity started, per instance id.</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Attempts { get; } = new(StringComparer.Ordinal);

    public static OrchestrationRegistry Register(OrchestrationRegistry registry) => registry
        .AddOrchestrator<int, int>(SideEffects, async (context, _) =>
        {
            OrchestratorRuns.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
            var sum = 0;
            for (var i = 1; i <= Steps; i++)
            {
                sum += await context.CallActivityAsync<int>(CountSideEffect, i);
                await context.CreateTimer(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }

            return sum;
        })
        .AddActivity<int, int>(CountSideEffect, (context, step) =>
        {
            ActivityRuns.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
            return Task.FromResult(step * 10);
        })
        .AddOrchestrator<int, string>(Retried, (context, _) =>
            context.CallActivityAsync<string>(FailTwice, context.InstanceId, new TaskOptions(new RetryPolicy(4, FirstRetry, backoffCoefficient: 2))))
        .AddActivity<string, string>(FailTwice, (context, instanceId) =>
        {
            var attempts = Attempts.GetOrAdd(instanceId, _ => new ConcurrentQueue<DateTimeOffset>());
            attempts.Enqueue(DateTimeOffset.UtcNow);
            return attempts.Count < 3
                ? throw new InvalidOperationException($"attempt {attempts.Count} fails on purpose")
                : Task.FromResult($"succeeded on attempt {attempts.Count}");
        });
}
