using System.Globalization;
using BenchmarkDotNet.Running;
using Obs.Bench.Telemetry;
using Obs.Telemetry.Configuration;

// dotnet run -c Release --project bench/Obs.Bench.Telemetry -- spans [BenchmarkDotNet args]
// dotnet run -c Release --project bench/Obs.Bench.Telemetry -- export [spans] [paced spans/s] [queue size] [batch size]
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
    await Console.Error.WriteLineAsync("usage: Obs.Bench.Telemetry spans [BenchmarkDotNet args] | export [spans] [paced spans/s] [queue size] [batch size] | receive");
    return 2;
}

const int SustainedTarget = 200_000;
var spans = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400_000;
var paced = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
var batch = new BatchOptions();
batch.MaxQueueSize = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : batch.MaxQueueSize;
batch.MaxExportBatchSize = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : batch.MaxExportBatchSize;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, queue {batch.MaxQueueSize}, batch {batch.MaxExportBatchSize}, {batch.ScheduleDelayMillis} ms delay"));
Console.WriteLine();
Console.WriteLine("| transport | rate | recorded | received | lost | elapsed | spans/s | bytes/span | target | result |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
using var receiver = ReceiverProcess.Start();
foreach (var protocol in new[] { OtlpWireProtocol.Grpc, OtlpWireProtocol.HttpProtobuf })
{
    // Warm-up: JIT, connections.
    await ExportThroughput.RunAsync(receiver, protocol, batch, 20_000, 0);
    var flat = await ExportThroughput.RunAsync(receiver, protocol, batch, spans, 0);
    // Flat out the producer outruns any exporter and the queue drops the rest (counted): this row is the drain
    // rate and the bytes per span; the throughput target is the sustained row below.
    Console.WriteLine(flat.Row("≤ 300 B/span", flat.BytesPerSpan <= 300));
    var steady = await ExportThroughput.RunAsync(receiver, protocol, batch, paced * 2, paced);
    Console.WriteLine(steady.Row("0 lost", steady.Failed == 0));
    // Sustained: 200,000 spans/s for two seconds, every span delivered with the default queue.
    var sustained = await ExportThroughput.RunAsync(receiver, protocol, batch, SustainedTarget * 2, SustainedTarget);
    Console.WriteLine(sustained.Row("≥ 200,000/s sustained, 0 lost", sustained.Failed == 0 && sustained.SpansPerSecond >= SustainedTarget * 0.99));
}

return 0;
