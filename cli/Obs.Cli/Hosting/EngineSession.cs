using System.CommandLine;
using System.Diagnostics;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Engine;
using Obs.Orchestrations.Local.Storage;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Redaction;
using Obs.Telemetry.Tracing;

namespace Obs.Cli.Hosting;

/// <summary>
/// What every engine-backed verb (<c>obs build</c>, <c>obs test</c>, …) runs inside: validated
/// telemetry, the verb's own span (a child of <c>TRACEPARENT</c>), the local engine over the
/// verb's orchestrations, and the CLI's start-up recorded as <c>startup.*</c> spans.
/// </summary>
public sealed class EngineSession : IAsyncDisposable
{
    private EngineSession(CliTelemetry telemetry, Activity? span, LocalOrchestrationEngine engine, SecretRedactor redactor)
    {
        Telemetry = telemetry;
        Span = span;
        Engine = engine;
        Redactor = redactor;
    }

    public CliTelemetry Telemetry { get; }

    /// <summary>Redacts what the summaries print (output tails, messages) as the spans are redacted.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The verb's span (<c>obs build</c>, …), parent of the orchestration span.</summary>
    public Activity? Span { get; }

    public LocalOrchestrationEngine Engine { get; }

    /// <summary>Starts everything.</summary>
    /// <exception cref="UsageException">Invalid configuration, or a state database that cannot be used (read-only, full, damaged).</exception>
    /// <param name="request">The verb's configuration request: the same instance the verb read its own sections with, so the file is parsed once.</param>
    /// <param name="verbose">Whether <c>-v</c> was given.</param>
    /// <param name="console">Where problems, warnings and the exit line go.</param>
    /// <param name="verb">The verb, for its span's name (<c>obs build</c>).</param>
    /// <param name="register">Registers the verb's orchestrations and activities.</param>
    public static async Task<EngineSession> StartAsync(ConfigLoadRequest request, bool verbose, CliConsole console, string verb, Action<OrchestrationRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(register);

        var startup = new StartupRecorder();
        CliTelemetry telemetry;
        using (startup.Measure(SpanNames.StartupConfigLoad))
        {
            telemetry = CliTelemetry.Start(request, console, verbose);
        }

        W3CTraceContext.TryReadEnvironment(console.Environment, out var parent);
        var span = ObsActivitySources.Cli.StartActivity($"obs {verb}", ActivityKind.Internal, parent, startTime: startup.StartedAt);
        var registry = new OrchestrationRegistry();
        LocalOrchestrationEngine? engine = null;
        try
        {
            using (startup.Measure(SpanNames.StartupDependenciesLoad))
            {
                register(registry);
            }

            using (startup.Measure(SpanNames.StartupResourcesInitialize))
            {
                engine = CliEngine.Create(registry, console.Environment);
                await engine.StartAsync().ConfigureAwait(false);
            }

            using (startup.Measure(SpanNames.StartupHealthChecks))
            {
                await engine.Client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 1 }).ConfigureAwait(false);
            }

            startup.Emit(ObsActivitySources.Startup, "cli", span?.Context ?? default);
            return new EngineSession(telemetry, span, engine, new SecretRedactor(telemetry.Options.Redaction, console.Environment));
        }
        catch (Exception ex) when (ex is OrchestrationStoreException or ArgumentException)
        {
            startup.Fail(ex);
            startup.Emit(ObsActivitySources.Startup, "cli", span?.Context ?? default);
            span.RecordFailure(ex);
            span?.Dispose();
            if (engine is not null)
            {
                await engine.DisposeAsync().ConfigureAwait(false);
            }

            telemetry.Close(reportExports: false);

            // The engine's storage exceptions stop here: the hosts see a usage problem (exit 2).
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <summary>The configuration request every verb shares: <c>--config</c>, environment (with <c>$OBS_CONFIG</c>), flags.</summary>
    public static ConfigLoadRequest ConfigRequest(ParseResult parse, GlobalOptions global, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(console);
        return new ConfigLoadRequest
        {
            // $OBS_CONFIG and the default path are resolved in one place: ObsConfigurationLoader.LocateConfigFile.
            ConfigPath = parse.GetValue(global.Config),
            Environment = console.Environment,
            Flags = global.ToConfigFlags(parse),
        };
    }

    /// <summary>Records how the run turned out on the verb span: Error status and <c>error.type</c> when it failed.</summary>
    public void Record(OrchestrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        outcome.RecordOn(Span);
    }

    /// <summary>Stops the engine (unfinished instances keep their state), ends the verb span, flushes within the export timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync().ConfigureAwait(false);
        Span?.Dispose();
        Telemetry.Dispose();
    }
}
