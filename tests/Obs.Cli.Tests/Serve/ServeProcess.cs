using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Obs.Cli.Tests.Serve;

/// <summary>
/// A real <c>obs serve</c> child process on a free loopback port: started, waited on until it says where
/// it listens, stopped with SIGTERM (graceful) or SIGKILL.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    public Uri BaseUri { get; private set; } = null!;

    public string WorkingDirectory { get; }

    public int ProcessId => _process.Id;

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

    /// <summary>The key generated into <c>.obs/api-key</c> (when none was configured).</summary>
    public string GeneratedKey => File.ReadAllText(Path.Combine(WorkingDirectory, ".obs", "api-key")).Trim();

    /// <summary>Starts <c>obs [globalArgs] serve --urls http://127.0.0.1:0 [serveArgs]</c> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<ServeProcess> StartAsync(
        string workingDirectory,
        IReadOnlyList<string>? globalArgs = null,
        IReadOnlyList<string>? serveArgs = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = (globalArgs ?? ["--exporter", "none"]).Concat(["serve", "--urls", "http://127.0.0.1:0"]).Concat(serveArgs ?? []);
        var startInfo = ObsProcess.StartInfo(args, environment, workingDirectory);
        var process = Process.Start(startInfo)!;
        var serve = new ServeProcess(process, workingDirectory);
        process.ErrorDataReceived += (_, e) => serve.OnStderr(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(serve._listening.Task, exited, Task.Delay(s_startTimeout));
        if (first != serve._listening.Task)
        {
            await serve.DisposeAsync();
            throw new InvalidOperationException($"obs serve did not start (exit {(process.HasExited ? process.ExitCode : -1)}): {serve.Stderr}");
        }

        serve.BaseUri = await serve._listening.Task;
        return serve;
    }

    public HttpClient CreateClient(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    /// <summary>Sends SIGTERM and waits (bounded) for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGKILL to obs alone (its child processes live on, as after a crash) and waits for it to die.</summary>
    public async Task KillAsync()
    {
        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
