using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>
/// A worker holds its slot until the last result it produced is committed, so a crash re-runs at most
/// one activity per worker (the ones in flight), never a finished one whose result was still in memory.
/// </summary>
public sealed class EngineCommitOrderTests
{
    private const int Steps = 3;

    [Fact]
    public async Task Worker_TakesItsNextActivityOnlyAfterTheLastResultIsCommitted()
    {
        var committedWhenStarted = new ConcurrentQueue<int>();
        var runs = 0;
        SqliteInstanceStore? reader = null;
        Task? releaseWriteLock = null;
        await using var harness = await EngineHarness.StartAsync(
            registry => registry
                .AddActivity<int, int>("Step", (ctx, i) =>
                {
                    committedWhenStarted.Enqueue(reader!.GetHistory(ctx.InstanceId).Count(e => e.Kind == HistoryEventKind.TaskCompleted));
                    if (Interlocked.Increment(ref runs) == 1)
                    {
                        // Another writer holds the database: the first result's commit waits ~300 ms for it.
                        releaseWriteLock = HoldWriteLockAsync(reader.Path, TimeSpan.FromMilliseconds(300));
                    }

                    return Task.FromResult(i);
                })
                .AddOrchestrator<int, int>("FanOut", async (ctx, _) =>
                    (await Task.WhenAll(Enumerable.Range(0, Steps).Select(i => ctx.CallActivityAsync<int>("Step", i)))).Sum()),
            options => options.MaxConcurrentActivities = 1);
        using (reader = SqliteInstanceStore.Open(harness.DatabasePath))
        {
            var result = await harness.RunAsync("FanOut", 0);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            await releaseWriteLock!;
        }

        // Run k (0-based) saw the k results before it already in the store.
        Assert.Equal(Enumerable.Range(0, Steps), committedWhenStarted);
    }

    private static Task HoldWriteLockAsync(string databasePath, TimeSpan hold)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        return Task.Run(async () =>
        {
            await Task.Delay(hold);
            using (var commit = connection.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                commit.ExecuteNonQuery();
            }

            await connection.DisposeAsync();
        });
    }
}
