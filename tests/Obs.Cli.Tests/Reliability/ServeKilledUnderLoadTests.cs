using System.Globalization;
using Obs.Cli.Tests.Serve;

namespace Obs.Cli.Tests.Reliability;

/// <summary>
/// <c>obs serve</c> killed with SIGKILL while builds run, then started again on the same state: every
/// accepted instance completes once, and only the work that was in flight at the kill runs again.
/// </summary>
public sealed class ServeKilledUnderLoadTests : IDisposable
{
    private const int Builds = 24;
    private const int MaxActivities = 2;

    private static readonly IReadOnlyDictionary<string, string> s_shortLease = new Dictionary<string, string> { ["OBS_LEASE_SECONDS"] = "2" };

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-serve-kill-").FullName;

    [Fact]
    public async Task Serve_KilledUnderLoadAndRestarted_CompletesEveryAcceptedInstanceOnce()
    {
        var serveArgs = new[] { "--max-activities", MaxActivities.ToString(CultureInfo.InvariantCulture) };
        string[] ids;
        await using (var first = await ServeProcess.StartAsync(_directory, serveArgs: serveArgs, environment: s_shortLease))
        {
            using var client = first.CreateClient(first.GeneratedKey);
            // Each build's one step appends its own token: a line in runs.txt per run of the step.
            ids = await Task.WhenAll(Enumerable.Range(0, Builds).Select(i => InstancePolling.StartAsync(client, "build", Body(i))));
            await WaitForRunsAsync(atLeast: 3);
            await first.KillAsync();
        }

        var runsAtKill = Runs().Count;
        Assert.InRange(runsAtKill, 3, Builds - 1);

        await using var second = await ServeProcess.StartAsync(_directory, serveArgs: serveArgs, environment: s_shortLease);
        using var restarted = second.CreateClient(second.GeneratedKey);
        foreach (var id in ids)
        {
            var status = await InstancePolling.WaitUntilFinishedAsync(restarted, id, TimeSpan.FromSeconds(120));
            Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
            Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean(), status.ToString());
        }

        var perToken = Runs().GroupBy(token => token).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(0, Builds).Select(Token).Order(), perToken.Keys.Order());
        // At-least-once, as in Durable: a step running at the kill runs again; no completed step does.
        Assert.InRange(perToken.Count(p => p.Value > 1), 0, MaxActivities);
        Assert.All(perToken.Values, count => Assert.InRange(count, 1, 2));
    }

    private static string Token(int i) => "build-" + i.ToString("D2", CultureInfo.InvariantCulture);

    private static string Body(int i) => $$"""
        {"analyze_dependencies": false, "steps": [{"name": "work", "type": "command",
         "command": "sleep 0.3; echo {{Token(i)}} >> runs.txt"}]}
        """;

    private List<string> Runs()
    {
        var path = Path.Combine(_directory, "runs.txt");
        return File.Exists(path) ? [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)] : [];
    }

    private async Task WaitForRunsAsync(int atLeast)
    {
        for (var attempt = 0; attempt < 300 && Runs().Count < atLeast; attempt++)
        {
            await Task.Delay(50);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
