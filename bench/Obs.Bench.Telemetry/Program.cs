using System.Globalization;
using BenchmarkDotNet.Running;
using Obs.Bench.Telemetry;
using Obs.Telemetry.Configuration;

// dotnet run -c Release --project bench/Obs.Bench.Telemetry -- spans [BenchmarkDotNet args]
// dotnet run -c Release --project bench/Obs.Bench.Telemetry -- export [spans] [paced spans/s]
// dotnet run -c Release --project bench/Obs.Bench.Telemetry -- receive   (a loopback OTLP receiver; see ReceiverProcess)
var which = args.Length > 0 ? args[0] : "";
if (which == "receive")
{
    return await ReceiverProcess.ServeAsync();
}

if (which == "spans")
{
    BenchmarkRunner.Run<SpanBenchmarks>(args: args[1..]);
    return 0;
}

if (which != "export")
{
    await Console.Error.WriteLineAsync("usage: Obs.Bench.Telemetry spans [BenchmarkDotNet args] | export [spans] [paced spans/s] | receive");
    return 2;
}

var spans = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400_000;
var paced = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, default batch settings (queue 2048, batch 512, 5 s delay)"));
Console.WriteLine();
Console.WriteLine("| transport | rate | recorded | received | lost | elapsed | spans/s | bytes/span | target | result |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
using var receiver = ReceiverProcess.Start();
foreach (var protocol in new[] { OtlpWireProtocol.Grpc, OtlpWireProtocol.HttpProtobuf })
{
    // Warm-up: JIT, connections.
    await ExportThroughput.RunAsync(receiver, protocol, 20_000, 0);
    var flat = await ExportThroughput.RunAsync(receiver, protocol, spans, 0);
    Console.WriteLine(flat.Row("≥ 200,000/s, ≤ 300 B", flat.SpansPerSecond >= 200_000 && flat.BytesPerSpan <= 300));
    var steady = await ExportThroughput.RunAsync(receiver, protocol, paced * 2, paced);
    Console.WriteLine(steady.Row("0 lost", steady.Failed == 0));
}

return 0;
