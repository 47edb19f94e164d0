using System.Globalization;

namespace Obs.Cli.Tests.Serve;

/// <summary>The original design's load test: 100 concurrent <c>POST /build</c> against a real <c>obs serve</c>.</summary>
public sealed class ServeLoadTests : IDisposable
{
    private const int Builds = 100;
    private const int MaxActivities = 3;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-serve-load-").FullName;

    [Fact]
    public async Task Serve_HundredConcurrentBuilds_AllCompleteNoneLost_WithBoundedProcessConcurrency()
    {
        await using var serve = await ServeProcess.StartAsync(_directory, serveArgs: ["--max-activities", MaxActivities.ToString(CultureInfo.InvariantCulture)]);
        using var client = serve.CreateClient(serve.GeneratedKey);
        Directory.CreateDirectory(Path.Combine(_directory, "running"));

        // Each step records how many steps are running at its start: a marker file per live process.
        const string Body = """
            {"analyze_dependencies": false, "steps": [{"name": "probe", "type": "command",
             "command": "touch running/$$; ls running | wc -l >> counts.txt; sleep 0.05; rm running/$$"}]}
            """;
        var ids = await Task.WhenAll(Enumerable.Range(0, Builds).Select(_ => InstancePolling.StartAsync(client, "build", Body)));

        Assert.Equal(Builds, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var status = await InstancePolling.WaitUntilFinishedAsync(client, id, TimeSpan.FromSeconds(120));
            Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
            Assert.True(status.GetProperty("output").GetProperty("success").GetBoolean(), status.ToString());
        }

        var counts = (await File.ReadAllLinesAsync(Path.Combine(_directory, "counts.txt"))).Select(l => int.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Builds, counts.Count);
        Assert.InRange(counts.Max(), 1, MaxActivities);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
