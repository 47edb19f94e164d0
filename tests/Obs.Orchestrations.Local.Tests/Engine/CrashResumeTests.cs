using System.Globalization;
using Obs.Orchestrations.Local.History;
using Obs.Orchestrations.Local.Storage;
using Xunit.Abstractions;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>
/// A real engine process killed with SIGKILL mid-orchestration, then started again: the instance
/// completes, every step runs exactly once and in order, and the resumed attempt links to the first.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Steps = 8;
    private const int StepDelayMs = 250;
    private const string InstanceId = "crash-resume-1";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "state.db");

    private string LinesPath => Path.Combine(_directory, "lines.txt");

    [Fact]
    public async Task Kill9_RestartWithSameOwner_ResumesAtOnceAndRunsEachStepOnce()
    {
        // The default 15 s lease: finishing well inside it proves the restart did not wait for it.
        var killPoint = await StartAndKillAsync(Args("owner-a"));

        using var restarted = CrashHostProcess.Start(Args("owner-a"));
        await restarted.WaitForExitAsync(Patience);

        AssertCompleted(restarted, killPoint);
        Assert.True(restarted.Clock.Elapsed < TimeSpan.FromSeconds(15), $"The restart took {restarted.Clock.Elapsed}: it waited for its own lease.");
        AssertResumedAsSecondAttempt();
    }

    [Fact]
    public async Task Kill9_RestartWithAnotherOwner_TakesOverAfterTheLeaseAndLinksTheAttempts()
    {
        const string leaseMs = "2000";
        var killPoint = await StartAndKillAsync([.. Args("owner-a"), leaseMs]);

        using var successor = CrashHostProcess.Start([.. Args("owner-b"), leaseMs]);
        await successor.WaitForExitAsync(Patience);

        AssertCompleted(successor, killPoint);
        AssertResumedAsSecondAttempt();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string[] Args(string owner) =>
        [DatabasePath, LinesPath, owner, InstanceId, Steps.ToString(CultureInfo.InvariantCulture), StepDelayMs.ToString(CultureInfo.InvariantCulture)];

    /// <summary>
    /// Starts the host, lets it finish three steps, and kills it as soon as every appended line is also
    /// committed: the next step is then sleeping, so nothing is half-recorded.
    /// </summary>
    /// <returns>Lines in the file at the kill, and how many of them the store had committed.</returns>
    private async Task<KillPoint> StartAndKillAsync(string[] args)
    {
        using var host = CrashHostProcess.Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        SqliteInstanceStore? store = null;
        try
        {
            while (true)
            {
                Assert.False(host.HasExited, $"The host exited before the kill (code {(host.HasExited ? host.ExitCode : 0)}). stderr: {host.Stderr}");
                var lines = ReadLines().Length;
                if (lines >= 3 && CountCommittedSteps(store ??= SqliteInstanceStore.Open(DatabasePath)) == lines)
                {
                    break;
                }

                await Task.Delay(5, timeout.Token);
            }

            await host.KillAsync();
            Assert.Equal(128 + 9, host.ExitCode);
            var killPoint = new KillPoint(ReadLines().Length, CountCommittedSteps(store));
            Assert.InRange(killPoint.Lines, 3, Steps - 1);
            return killPoint;
        }
        finally
        {
            store?.Dispose();
        }
    }

    private void AssertCompleted(CrashHostProcess host, KillPoint killPoint)
    {
        Assert.True(host.ExitCode == 0, $"exit {host.ExitCode}; stdout: {host.Stdout}; stderr: {host.Stderr}");
        Assert.Contains("status: Completed", host.Stdout, StringComparison.Ordinal);
        Assert.Contains("resuming", host.Stderr, StringComparison.Ordinal);
        var expected = Enumerable.Range(0, Steps).Select(i => $"step-{i}").ToList();
        if (killPoint.Lines > killPoint.Committed)
        {
            // Only if this test was starved for a whole step between its check and the kill: the last
            // step had appended but not committed, so it runs again (at-least-once); every other step still once.
            output.WriteLine($"The kill landed between step-{killPoint.Lines - 1}'s append and its commit; it ran twice.");
            Assert.Equal(1, killPoint.Lines - killPoint.Committed);
            expected.Insert(killPoint.Lines, $"step-{killPoint.Lines - 1}");
        }

        Assert.Equal(expected, ReadLines());
    }

    private void AssertResumedAsSecondAttempt()
    {
        using var store = SqliteInstanceStore.Open(DatabasePath);
        var record = store.GetInstance(InstanceId);
        Assert.NotNull(record);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, record.Status);
        Assert.Equal(2, record.Attempt);
        Assert.NotEqual(record.FirstSpanId, record.SpanId);
        Assert.Null(record.Owner);
    }

    private string[] ReadLines() =>
        File.Exists(LinesPath) ? File.ReadAllLines(LinesPath) : [];

    private static int CountCommittedSteps(SqliteInstanceStore store) =>
        store.GetHistory(InstanceId).Count(e => e.Kind == HistoryEventKind.TaskCompleted);

    private sealed record KillPoint(int Lines, int Committed);
}
