using System.Diagnostics;
using System.Globalization;
using Obs.Testing.Otlp;

namespace Obs.Bench.Telemetry;

/// <summary>
/// The loopback OTLP receiver in a process of its own, so what a benchmark measures is the exporter (or
/// <c>obs run</c>), not a receiver sharing its process. <c>receive</c> mode runs it: it prints
/// <c>grpc URL</c> and <c>http URL</c>, answers each <c>count</c> line on stdin with
/// <c>SPANS BYTES</c>, and exits when stdin closes.
/// </summary>
internal sealed class ReceiverProcess : IDisposable
{
    private readonly Process _process;

    private ReceiverProcess(Process process, Uri grpc, Uri http)
    {
        _process = process;
        GrpcEndpoint = grpc;
        HttpEndpoint = http;
    }

    public Uri GrpcEndpoint { get; }

    public Uri HttpEndpoint { get; }

    /// <summary>Receive mode: the body of the child process.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var receiver = await OtlpReceiver.StartAsync(keepSpans: false);
        Console.WriteLine($"grpc {receiver.GrpcEndpoint}");
        Console.WriteLine($"http {receiver.HttpEndpoint}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "count")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{receiver.SpanCount} {receiver.PayloadBytes}"));
            }
        }

        return 0;
    }

    /// <summary>Starts this program again in receive mode and reads its endpoints.</summary>
    public static ReceiverProcess Start()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var entry = typeof(ReceiverProcess).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("receive");
        var process = Process.Start(start) ?? throw new InvalidOperationException("receiver did not start");
        var grpc = new Uri(ReadField(process, "grpc"));
        var http = new Uri(ReadField(process, "http"));
        return new ReceiverProcess(process, grpc, http);
    }

    /// <summary>Spans and protobuf bytes the receiver has taken so far.</summary>
    public (long Spans, long Bytes) Count()
    {
        _process.StandardInput.WriteLine("count");
        _process.StandardInput.Flush();
        var parts = (_process.StandardOutput.ReadLine() ?? "0 0").Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static string ReadField(Process process, string name)
    {
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("receiver exited before printing its endpoints");
        return line.StartsWith(name + " ", StringComparison.Ordinal) ? line[(name.Length + 1)..] : throw new InvalidOperationException($"receiver said '{line}'");
    }
}
