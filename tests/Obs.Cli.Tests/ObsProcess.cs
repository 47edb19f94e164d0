using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Obs.Cli.Tests;

/// <summary>Runs the real <c>obs</c> (the built obs.dll under <c>dotnet</c>) as a child process.</summary>
internal static class ObsProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <summary>The built obs.dll, run from its own output folder.</summary>
    public static readonly string ObsDll = Path.Combine(
        typeof(ObsProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ObsCliDirectory").Value!,
        "obs.dll");

    /// <summary>
    /// Runs <c>obs</c> with <paramref name="args"/> in a clean environment: only PATH, HOME and
    /// DOTNET_* are inherited, so no OTEL_* or TRACEPARENT of the test runner leaks in.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var startInfo = StartInfo(args, environment, workingDirectory ?? Path.GetTempPath());
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"obs {string.Join(' ', args)} did not exit in time. stderr: {await stderr}");
        }

        clock.Stop();
        return new Outcome(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    /// <summary>
    /// <c>dotnet obs.dll args</c> with redirected output in a clean environment: only PATH, HOME and
    /// DOTNET_* are inherited, plus <paramref name="environment"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        startInfo.ArgumentList.Add(ObsDll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "DOTNET_NOLOGO" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    /// <summary>Runs obs on a pseudo-terminal through script(1); stdout and stderr arrive mixed on stdout.</summary>
    public static async Task<Outcome> RunUnderTerminalAsync(IEnumerable<string> args, string workingDirectory)
    {
        var line = string.Join(' ', new[] { "dotnet", ObsDll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var startInfo = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "-qec", line, "/dev/null" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr, TimeSpan.Zero);
    }

    /// <summary>A config file in a fresh temp directory; returns its path.</summary>
    public static string WriteConfig(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("obs-cli-test-").FullName;
        var path = Path.Combine(directory, "tracing.yaml");
        File.WriteAllText(path, yaml, Encoding.UTF8);
        return path;
    }
}
