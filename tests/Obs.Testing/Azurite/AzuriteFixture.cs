using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Obs.Testing.Azurite;

/// <summary>
/// A real Azurite blob service on a free 127.0.0.1 port with its data in a temp folder, stopped (with
/// its process tree) on dispose. Azurite is found through <c>OBS_AZURITE_BLOB</c>, then
/// <c>tools/azurite</c> in the repository (test.sh installs it there), then <c>azurite-blob</c> on PATH.
/// Without it, <see cref="Port"/> is null and tests return early, unless <c>OBS_REQUIRE_AZURITE=1</c>.
/// <see cref="AzuriteStorageFixture"/> runs the queue and table services beside the blob one.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, in Microsoft's docs).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly bool _queuesAndTables;
    private Process? _process;
    private string? _location;

    public AzuriteFixture()
        : this(queuesAndTables: false)
    {
    }

    protected AzuriteFixture(bool queuesAndTables) => _queuesAndTables = queuesAndTables;

    /// <summary>The queue service's port (<see cref="AzuriteStorageFixture"/> only).</summary>
    public int? QueuePort { get; private set; }

    /// <summary>The table service's port (<see cref="AzuriteStorageFixture"/> only).</summary>
    public int? TablePort { get; private set; }

    /// <summary>The running server's (blob service's) port, or null when Azurite is not installed.</summary>
    public int? Port { get; private set; }

    /// <summary>Why <see cref="Port"/> is null.</summary>
    public string? SkipReason { get; private set; }

    public bool IsRunning => Port is not null;

    /// <summary>A connection string for the dev account on <paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AccountName};";

    public string ConnectionString => ConnectionStringFor(Port ?? throw new InvalidOperationException(SkipReason))
        + (QueuePort is { } queue ? $"QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" : string.Empty)
        + (TablePort is { } table ? $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};" : string.Empty);

    /// <summary>A port nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        if (executable is null)
        {
            SkipReason = "Azurite not found (set OBS_AZURITE_BLOB, or run test.sh to install it into tools/azurite)";
            if (Environment.GetEnvironmentVariable("OBS_REQUIRE_AZURITE") == "1")
            {
                throw new InvalidOperationException($"OBS_REQUIRE_AZURITE=1 but {SkipReason}");
            }

            return;
        }

        if (_queuesAndTables)
        {
            // The full emulator sits beside azurite-blob in node_modules/.bin.
            executable = Path.Combine(Path.GetDirectoryName(executable)!, "azurite");
        }

        _location = Directory.CreateTempSubdirectory("obs-azurite-").FullName;
        var port = FreePort();
        int? queuePort = _queuesAndTables ? FreePort() : null;
        int? tablePort = _queuesAndTables ? FreePort() : null;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", Text(port), "--location", _location, "--skipApiVersionCheck", "--silent", "--loose" })
        {
            start.ArgumentList.Add(arg);
        }

        if (queuePort is { } q && tablePort is { } t)
        {
            foreach (var arg in new[] { "--queueHost", "127.0.0.1", "--queuePort", Text(q), "--tableHost", "127.0.0.1", "--tablePort", Text(t) })
            {
                start.ArgumentList.Add(arg);
            }
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(port);
        foreach (var other in new[] { queuePort, tablePort })
        {
            if (other is { } listening)
            {
                await WaitUntilListeningAsync(listening);
            }
        }

        Port = port;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
            _process = null;
            Port = null;
            QueuePort = null;
            TablePort = null;
            SkipReason = "stopped";
        }

        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
            }

            _location = null;
        }

        return Task.CompletedTask;
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(_process.StartInfo.FileName)} exited with code {_process.ExitCode} before listening on port {port}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds} s");
    }

    private static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("OBS_AZURITE_BLOB") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var local = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(local))
            {
                return local;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "azurite-blob"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Azurite's blob, queue and table services: the storage DurableTask.AzureStorage (and <c>func start</c>) uses.</summary>
public sealed class AzuriteStorageFixture : AzuriteFixture
{
    public AzuriteStorageFixture()
        : base(queuesAndTables: true)
    {
    }
}
