using System.Diagnostics;
using System.Reflection;

namespace Obs.Cli.Tests;

/// <summary>
/// The published NativeAOT <c>obs</c> is one file: copied alone into an empty directory it runs a build,
/// the local engine's SQLite included. test.sh publishes it to <c>artifacts/obs</c> before the tests;
/// without it the tests return early, unless <c>OBS_REQUIRE_PUBLISHED_OBS=1</c> (test.sh sets it) makes
/// its absence a failure.
/// </summary>
public sealed class PublishedObsTests : IDisposable
{
    private static readonly string PublishedObs = typeof(PublishedObsTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PublishedObs").Value!;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-alone-").FullName;

    [Fact]
    public async Task PublishedObs_CopiedAloneIntoAnEmptyDirectory_RunsABuild()
    {
        if (!File.Exists(PublishedObs))
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("OBS_REQUIRE_PUBLISHED_OBS"));
            return;
        }

        var obs = Path.Combine(_directory, "obs");
        File.Copy(PublishedObs, obs); // keeps the executable bit
        await File.WriteAllTextAsync(Path.Combine(_directory, "build.yaml"), """
            name: alone
            steps:
              - name: hello
                type: command
                command: "echo hello > out.txt"
            """);

        var (exitCode, stdout, stderr) = await RunAsync(obs, ["--exporter", "none", "build", "--no-progress"]);

        Assert.True(exitCode == 0, $"exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        Assert.Contains("build alone: succeeded", stdout, StringComparison.Ordinal);
        Assert.Equal("hello\n", await File.ReadAllTextAsync(Path.Combine(_directory, "out.txt")));
        Assert.DoesNotContain(Directory.EnumerateFiles(_directory), f => f.EndsWith(".so", StringComparison.Ordinal));
    }

    /// <summary>
    /// Start-up (docs/PERFORMANCE.md): the image is linked at a fixed address and its data is not dehydrated, so
    /// nothing is relocated or re-inflated before Main — `obs run` maps the data and faults in only what it touches.
    /// </summary>
    [Fact]
    public void PublishedObs_IsAFixedAddressImage_WithNoDataToRehydrate()
    {
        if (!File.Exists(PublishedObs))
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("OBS_REQUIRE_PUBLISHED_OBS"));
            return;
        }

        var image = ElfImage.Read(PublishedObs);

        Assert.Equal(ElfImage.FixedAddressExecutable, image.Type);
        Assert.Contains(".data", image.Sections);
        Assert.DoesNotContain(".hydrated", image.Sections);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string obs, IEnumerable<string> args)
    {
        var startInfo = new ProcessStartInfo(obs)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // Only PATH and HOME: nothing of the test runner (OTEL_*, DOTNET_*) helps the binary find a library.
        startInfo.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
