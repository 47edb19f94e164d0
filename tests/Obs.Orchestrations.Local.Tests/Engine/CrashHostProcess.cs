using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Obs.Orchestrations.Local.Tests.Engine;

/// <summary>
/// The crash host (tests/Obs.Orchestrations.CrashHost) as a child process, run with <c>dotnet</c> from
/// its own output folder so a test can SIGKILL it mid-orchestration and start it again.
/// </summary>
internal sealed class CrashHostProcess : IDisposable
{
    private static readonly string HostDll = Path.Combine(
        typeof(CrashHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashHostDirectory").Value!,
        "Obs.Orchestrations.CrashHost.dll");

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CrashHostProcess(Process process)
    {
        _process = process;
        Clock = Stopwatch.StartNew();
    }

    /// <summary>Time since start.</summary>
    public Stopwatch Clock { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the host: db path, lines path, owner id, instance id, step count, step delay (ms) and optionally the lease (ms).</summary>
    public static CrashHostProcess Start(params string[] args)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        startInfo.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = startInfo };
        var host = new CrashHostProcess(process);
        process.OutputDataReceived += (_, e) => Append(host._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(host._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGKILL on Linux: no finally blocks, no graceful stop, no lease release.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the host to exit on its own; kills it and throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The crash host did not exit within {timeout}. stderr: {Stderr}");
        }

        // The parameterless overload waits until the redirected streams are drained.
        await _process.WaitForExitAsync();
        Clock.Stop();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
