using System.CommandLine;
using Obs.Api;
using Obs.Cli.Hosting;
using Obs.Orchestrations;
using Obs.Orchestrations.Local.Storage;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;
using OpenTelemetry.Trace;

namespace Obs.Cli.Serve;

/// <summary>
/// <c>obs serve [--urls http://127.0.0.1:8000]</c>: the HTTP API on Kestrel over the local engine, its
/// start-up traced as <c>startup.*</c> spans. SIGINT/SIGTERM stop it gracefully: requests in flight finish,
/// running instances keep their state in the database and resume on the next start.
/// </summary>
public sealed class ServeCommand : Command
{
    /// <summary>The verb.</summary>
    public const string VerbName = "serve";

    private readonly GlobalOptions _global;
    private readonly CliConsole _console;

    private readonly Option<string?> _urls = new("--urls")
    {
        Description = $"Where to listen, ';'-separated (default {ServeSettings.DefaultUrls}; port 0 picks a free one). Overrides serve.urls.",
    };

    private readonly Option<string?> _workingRoot = new("--working-root")
    {
        Description = "The directory builds and test runs are confined to (default: the current one). Overrides security.working_root.",
    };

    private readonly Option<int?> _maxActivities = Commands.ValueOptions.OptionalWholeNumber(
        "--max-activities", "How many activities (build steps, test targets: child processes) run at once. Overrides serve.max_concurrent_activities.");

    public ServeCommand(GlobalOptions global, CliConsole console)
        : base(VerbName, "Serve the HTTP API (POST /build, /test, /benchmark, /startup; Durable's status API) on the local engine.")
    {
        _global = global;
        _console = console;
        Options.Add(_urls);
        Options.Add(_workingRoot);
        Options.Add(_maxActivities);
        SetAction((parse, _) => ExecuteAsync(parse));
    }

    private async Task<int> ExecuteAsync(ParseResult parse)
    {
        var verbose = parse.GetValue(_global.Verbose);
        var startup = new StartupRecorder();
        var request = EngineSession.ConfigRequest(parse, _global, _console);
        ServeSettings settings;
        CliTelemetry telemetry;
        using (startup.Measure(SpanNames.StartupConfigLoad))
        {
            settings = ReadSettings(parse, request);
            telemetry = CliTelemetry.Start(request, _console, verbose, settings.Api.ApiKeys, ConfigureTracing);
        }

        settings.Api.ServiceName = telemetry.Options.ServiceName;

        using (telemetry)
        {
            W3CTraceContext.TryReadEnvironment(_console.Environment, out var parent);
            var registry = new OrchestrationRegistry();
            using (startup.Measure(SpanNames.StartupDependenciesLoad))
            {
                ApiOrchestrations.Register(registry);
            }

            Orchestrations.Local.Engine.LocalOrchestrationEngine? engine = null;
            ObsServer? server = null;
            try
            {
                using (startup.Measure(SpanNames.StartupResourcesInitialize))
                {
                    engine = CliEngine.Create(registry, _console.Environment, settings.MaxConcurrentActivities);
                    await engine.StartAsync().ConfigureAwait(false);
                    server = ObsServer.Create(settings, engine, telemetry.Options, verbose);
                    await server.StartAsync().ConfigureAwait(false);
                }

                using (startup.Measure(SpanNames.StartupHealthChecks))
                {
                    var checks = await server.ReadinessAsync(CancellationToken.None).ConfigureAwait(false);
                    foreach (var (name, check) in checks.Where(c => !c.Value.IsHealthy))
                    {
                        throw new InvalidOperationException($"{name} is not ready: {check.Detail}");
                    }
                }

                startup.Emit(ObsActivitySources.Startup, "serve", parent);
                _console.Say($"listening on {string.Join(", ", server.Urls)} (state {Path.GetFullPath(CliEngine.DatabasePath(_console.Environment))}, {settings.MaxConcurrentActivities} activities at once, root {settings.Api.WorkingRoot})");
                if (settings.Retention is { } retention)
                {
                    _console.Say(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"finished instances older than {retention.TotalHours:0.##} h are purged"));
                }

                await server.WaitForShutdownAsync().ConfigureAwait(false);
                _console.Say("stopping: requests in flight finish, running instances keep their state");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is OrchestrationStoreException or IOException or InvalidOperationException or ArgumentException)
            {
                startup.Fail(ex);
                startup.Emit(ObsActivitySources.Startup, "serve", parent);
                _console.Fail(ex.Message);
                return ExitCodes.Failure;
            }
            finally
            {
                if (server is not null)
                {
                    await server.StopAsync().ConfigureAwait(false);
                    await server.DisposeAsync().ConfigureAwait(false);
                }

                if (engine is not null)
                {
                    await engine.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <exception cref="UsageException">The <c>serve:</c>/<c>security:</c> settings are invalid.</exception>
    private ServeSettings ReadSettings(ParseResult parse, ConfigLoadRequest request)
    {
        var problems = new List<ConfigProblem>();
        var settings = ServeSettingsReader.Read(request, new ServeSettingsReader.Flags(parse.GetValue(_urls), parse.GetValue(_workingRoot), parse.GetValue(_maxActivities)), problems);
        if (problems.Count > 0)
        {
            throw new UsageException([.. problems.Select(problem => $"config: {problem}")]);
        }

        if (settings.ConfiguredKeys.Count > 0)
        {
            settings.Api.ApiKeys = [.. settings.ConfiguredKeys];
            return settings;
        }

        var keyPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CliEngine.DatabasePath(_console.Environment)))!, ApiKeyFile.FileName);
        var key = ApiKeyFile.LoadOrCreate(keyPath, out var created);
        settings.Api.ApiKeys = [key];
        _console.Say(created
            ? $"generated a function key (shown once; stored owner-only in {keyPath}): {key}"
            : $"function key: the one in {keyPath} (or set ${ServeSettingsReader.ApiKeyVariable} / security.api_keys)");
        return settings;
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing) => tracing.AddAspNetCoreServerSpans();
}
