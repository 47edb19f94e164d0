using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Obs.Infra.Tests;

/// <summary>Runs the real Bicep CLI (from the Azure.Bicep.CommandLine.linux-x64 package) as a child process.</summary>
internal static class Bicep
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstderr:\n{Stderr}";
    }

    /// <summary>The bicep binary, as located by the package's own <c>$(BicepPath)</c> MSBuild property.</summary>
    public static readonly string BicepPath =
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    /// <summary>The repository root: the nearest directory above the test binaries holding Obs.Functions.sln.</summary>
    public static readonly string RepoRoot = FindRepoRoot();

    /// <summary>infra/ under the repository root.</summary>
    public static string InfraDirectory => Path.Combine(RepoRoot, "infra");

    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(45);

    private static readonly Lazy<Task<Outcome>> _build = new(() => RunAsync("build", "infra/main.bicep", "--stdout"));

    private static readonly Lazy<Task<Outcome>> _lint = new(() => RunAsync("lint", "infra/main.bicep"));

    /// <summary><c>bicep build infra/main.bicep --stdout</c>, run once for the whole test run.</summary>
    public static Task<Outcome> BuildMainAsync() => _build.Value;

    /// <summary><c>bicep lint infra/main.bicep</c> (main.bicep and every module it uses), run once.</summary>
    public static Task<Outcome> LintMainAsync() => _lint.Value;

    /// <summary>The ARM template compiled from infra/main.bicep; fails the test when the build fails.</summary>
    public static async Task<JsonElement> CompiledMainAsync()
    {
        var outcome = await BuildMainAsync();
        Assert.True(outcome.ExitCode == 0, $"bicep build failed: {outcome}");
        using var document = JsonDocument.Parse(outcome.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Runs bicep in the repository root with a bounded timeout. No tracing, and a writable HOME
    /// and bundle-extraction folder even when the test runner has none.
    /// </summary>
    public static async Task<Outcome> RunAsync(params string[] args)
    {
        EnsureExecutable(BicepPath);
        var startInfo = new ProcessStartInfo(BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["BICEP_TRACING_ENABLED"] = "false";
        var scratch = Path.Combine(Path.GetTempPath(), "obs-infra-tests");
        if (!IsWritableDirectory(Environment.GetEnvironmentVariable("HOME")))
        {
            startInfo.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName;
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_BUNDLE_EXTRACT_BASE_DIR")))
        {
            startInfo.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Directory.CreateDirectory(Path.Combine(scratch, "bundle")).FullName;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(_timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not exit within {_timeout.TotalSeconds} s. stderr: {await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Obs.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Obs.Functions.sln above {AppContext.BaseDirectory}.");
    }

    private static bool IsWritableDirectory(string? path)
    {
        if (string.IsNullOrEmpty(path) || !Directory.Exists(path))
        {
            return false;
        }

        try
        {
            var probe = Path.Combine(path, $".obs-infra-tests-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>NuGet does not always keep the execute bit of package files; restore it for the owner.</summary>
    private static void EnsureExecutable(string path)
    {
        Assert.True(File.Exists(path), $"bicep not found at {path}: is Azure.Bicep.CommandLine.linux-x64 restored?");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }
    }
}
