using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Obs.Cli.Hosting;
using Obs.Cli.Output;
using Obs.Orchestrations;
using Obs.Orchestrations.Benchmarks;
using Obs.Telemetry.Catalog;

namespace Obs.Cli.Commands;

/// <summary>
/// <c>obs benchmark [--iterations N] [--warmup N] [--url URL | -- command args]</c>: measures a
/// command, a URL, or (with neither) Obs' own tracing cost, as a <c>benchmark.performance_test</c> span.
/// </summary>
public sealed class BenchmarkCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "benchmark";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;
    private readonly Option<int> _iterations = ValueOptions.WholeNumber("--iterations", "Measured iterations.", 100);
    private readonly Option<int> _warmup = ValueOptions.WholeNumber("--warmup", "Unmeasured iterations first.", 10);
    private readonly Option<string?> _url = new("--url") { Description = "GET this URL each iteration (2xx expected)." };
    private readonly Option<bool> _perIteration = new("--per-iteration-spans") { Description = "A span per iteration." };
    private readonly Option<OutputFormat> _format = ValueOptions.OneOf("--format", "text or json (the result on stdout).", OutputFormat.Text);
    private readonly CommandAfterDoubleDash _command = new("After --: the command to measure.", required: false);

    public BenchmarkCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Measure a command, a URL or Obs' own span cost: min/mean/p50/p95/p99/max/stddev and throughput.")
    {
        _global = global;
        _console = console;
        foreach (var option in new Option[] { _iterations, _warmup, _url, _perIteration, _format })
        {
            Options.Add(option);
        }

        Arguments.Add(_command);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var command = parse.GetValue(_command) ?? [];
        var url = parse.GetValue(_url);
        if (url is not null && command.Length > 0)
        {
            throw new UsageException("give either --url or a command after --, not both");
        }

        var request = new BenchmarkRequest
        {
            Iterations = parse.GetValue(_iterations),
            Warmup = parse.GetValue(_warmup),
            PerIterationSpans = parse.GetValue(_perIteration),
            Target = url is not null ? BenchmarkTarget.ForUrl(url) : command.Length > 0 ? BenchmarkTarget.ForCommand(command) : BenchmarkTarget.Builtin(),
        };
        if (request.Validate() is { Count: > 0 } problems)
        {
            throw new UsageException(problems);
        }

        await using var session = await EngineSession.StartAsync(EngineSession.ConfigRequest(parse, _global, _console), parse.GetValue(_global.Verbose), _console, "benchmark", registry => BenchmarkOrchestration.Register(registry)).ConfigureAwait(false);
        var (metadata, result) = await session.RunAsync(BenchmarkOrchestration.Name, request, BenchmarkJsonContext.Default.BenchmarkResult).ConfigureAwait(false);
        if (parse.GetValue(_format) == OutputFormat.Json)
        {
            _console.Output.WriteLine(JsonSerializer.Serialize(result ?? new BenchmarkResult { FirstError = metadata.FailureDetails?.ErrorMessage }, BenchmarkJsonContext.Default.BenchmarkResult));
        }
        else
        {
            Write(result, metadata, session);
        }

        var outcome = OrchestrationOutcome.Of(metadata) ?? new OrchestrationOutcome(false);
        session.Record(outcome.Succeeded && result is not { Success: true } ? new OrchestrationOutcome(false, ErrorTypes.IterationFailed) : outcome);
        return result is { Success: true } ? ExitCodes.Success : ExitCodes.Failure;
    }

    private void Write(BenchmarkResult? result, OrchestrationMetadata metadata, EngineSession session)
    {
        var output = _console.Output;
        var redactor = session.Redactor;
        if (result?.Statistics is not { } s)
        {
            // Nothing was measured: the headline says the run failed and why, whatever the runtime status.
            var heading = result is { Target.Length: > 0 } ? $"benchmark {result.Target}" : "benchmark";
            output.WriteLine(redactor.Redact($"{heading}: failed — {result?.FirstError ?? result?.Problems?.FirstOrDefault() ?? metadata.FailureDetails?.ErrorMessage ?? metadata.RuntimeStatus.ToString()}"));
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"benchmark {result.Target}: {(result.Success ? string.Empty : "failed — ")}{Counted.Of(s.Count, "iteration")} ({result.Warmup} warm-up), {Counted.Of(result.Errors, "error")}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  min {s.MinMs:F2} ms  mean {s.MeanMs:F2} ms  p50 {s.P50Ms:F2} ms  p95 {s.P95Ms:F2} ms  p99 {s.P99Ms:F2} ms  max {s.MaxMs:F2} ms  stddev {s.StdDevMs:F2} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput {s.ThroughputPerSecond:F1}/s"));
            if (result.SpansPerSecond is { } spans)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  tracing cost: {spans:F0} spans/s, {result.NsPerSpan:F0} ns per span"));
            }

            if (result.FirstError is not null)
            {
                output.WriteLine("  first error: " + redactor.Redact(result.FirstError));
            }
        }

        TraceLink.Write(output, session.Span?.TraceId.ToHexString(), session.Telemetry.Options.TraceUrlTemplate);
    }
}
