using Microsoft.Extensions.Logging.Abstractions;
using Obs.Cli.Serve;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;

namespace Obs.Cli.Tests.Serve;

/// <summary>serve.retention_hours: finished instances older than the retention are purged; running ones never.</summary>
public sealed class InstanceRetentionTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-retention-").FullName;
    private LocalOrchestrationEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Done", (_, input) => Task.FromResult(input))
            .AddOrchestrator<int, int>("Waiting", async (context, input) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                return input;
            });
        _engine = new LocalOrchestrationEngine(registry, new LocalEngineOptions { DatabasePath = Path.Combine(_directory, "state.db") });
        await _engine.StartAsync();
    }

    [Fact]
    public async Task PurgeOnce_FinishedInstancesOlderThanTheRetention_ArePurgedAndRunningOnesKept()
    {
        var client = _engine.Client;
        var done = new[] { await client.ScheduleNewOrchestrationInstanceAsync("Done", 1), await client.ScheduleNewOrchestrationInstanceAsync("Done", 2) };
        var waiting = await client.ScheduleNewOrchestrationInstanceAsync("Waiting", 3);
        foreach (var id in done)
        {
            await client.WaitForInstanceCompletionAsync(id);
        }

        var now = new InstanceRetention(client, TimeSpan.FromHours(1), NullLogger.Instance);
        Assert.Equal(0, await now.PurgeOnceAsync());

        var twoHoursLater = new InstanceRetention(client, TimeSpan.FromHours(1), NullLogger.Instance, new ShiftedTime(TimeSpan.FromHours(2)));
        Assert.Equal(2, await twoHoursLater.PurgeOnceAsync());
        Assert.Null(await client.GetInstanceAsync(done[0]));
        Assert.Null(await client.GetInstanceAsync(done[1]));
        // Kept: it has not finished (a loaded machine may not have started it yet, so Pending counts too).
        var kept = await client.GetInstanceAsync(waiting);
        Assert.NotNull(kept);
        Assert.Contains(kept.RuntimeStatus, new[] { OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running });
    }

    [Theory]
    [InlineData(0.05, 60)]
    [InlineData(0.5, 450)]
    [InlineData(2, 30 * 60)]
    [InlineData(168, 60 * 60)]
    public void Interval_AQuarterOfTheRetention_BetweenAMinuteAndAnHour(double hours, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), new InstanceRetention(_engine.Client, TimeSpan.FromHours(hours), NullLogger.Instance).Interval);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
