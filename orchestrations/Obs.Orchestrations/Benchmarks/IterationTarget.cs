using System.Diagnostics;
using System.Globalization;
using Obs.Orchestrations.Processes;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Obs.Orchestrations.Benchmarks;

/// <summary>One benchmark iteration, run again and again; a failure is a returned reason, not an exception.</summary>
internal abstract class IterationTarget : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The target of <paramref name="target"/> (a validated request's).</summary>
    public static IterationTarget Create(BenchmarkTarget target) => target.Kind switch
    {
        BenchmarkTargetKinds.Command => new CommandTarget(target),
        BenchmarkTargetKinds.Url => new UrlTarget(target),
        _ => new BuiltinTracingTarget(target.SpansPerIteration),
    };

    /// <summary>Runs once; null when it succeeded, else why it failed. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public abstract ValueTask<string?> RunOnceAsync(CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }

    protected static TimeSpan TimeoutOf(BenchmarkTarget target) =>
        target.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;

    private sealed class CommandTarget(BenchmarkTarget target) : IterationTarget
    {
        private readonly ProcessSpec _spec = new ProcessSpec(target.Command![0], [.. target.Command.Skip(1)])
        {
            Timeout = TimeoutOf(target),
            TailLines = 5,
        };

        public override async ValueTask<string?> RunOnceAsync(CancellationToken cancellationToken)
        {
            var result = await ChildProcessRunner.RunAsync(_spec, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return result.Succeeded ? null
                : result.StartError ?? (result.TimedOut ? "timed out" : string.Create(CultureInfo.InvariantCulture, $"exited with code {result.ExitCode}"));
        }
    }

    private sealed class UrlTarget(BenchmarkTarget target) : IterationTarget
    {
        private readonly HttpClient _client = new() { Timeout = TimeoutOf(target) };
        private readonly Uri _url = new(target.Url!, UriKind.Absolute);

        public override async ValueTask<string?> RunOnceAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var response = await _client.GetAsync(_url, cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode ? null
                    : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                return ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return "timed out";
            }
        }

        public override void Dispose() => _client.Dispose();
    }

    /// <summary>
    /// Obs' own tracing cost: creates and ends spans on a private source through a real tracer
    /// provider (always-on sampler, batch processor, an exporter that drops everything), so the number
    /// covers the SDK's whole hot path but no I/O. The spans are roots: they do not join the benchmark's trace.
    /// </summary>
    private sealed class BuiltinTracingTarget : IterationTarget
    {
        private readonly int _spans;
        private readonly ActivitySource _source;
        private readonly TracerProvider _provider;

        public BuiltinTracingTarget(int spans)
        {
            _spans = spans;
            // A name of its own, so no other listener in the process sees these spans.
            _source = new ActivitySource("Obs.Benchmark.Builtin." + Guid.NewGuid().ToString("N"), ObsDefaults.ServiceVersion);
            _provider = Sdk.CreateTracerProviderBuilder()
                .AddSource(_source.Name)
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new BatchActivityExportProcessor(new NoopExporter()))
                .Build()!;
        }

        public override ValueTask<string?> RunOnceAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parent = Activity.Current;
            Activity.Current = null;
            try
            {
                for (var i = 0; i < _spans; i++)
                {
                    using var span = _source.StartActivity(SpanNames.BenchmarkBuiltinSample);
                    span?.SetTag(AttributeKeys.Benchmark.IterationIndex, i);
                }
            }
            finally
            {
                Activity.Current = parent;
            }

            return ValueTask.FromResult<string?>(null);
        }

        public override void Dispose()
        {
            _provider.Dispose();
            _source.Dispose();
        }

        private sealed class NoopExporter : BaseExporter<Activity>
        {
            public override ExportResult Export(in Batch<Activity> batch) => ExportResult.Success;
        }
    }
}
