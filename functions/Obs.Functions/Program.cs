using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Obs.Functions.Hosting;
using Obs.Telemetry;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Configuration;
using Obs.Telemetry.Tracing;
using OpenTelemetry;

// The worker's start-up is traced like obs serve's: phases are recorded as they happen (telemetry does
// not exist yet) and emitted by StartupTraceService once the tracer provider is up.
var startup = new StartupRecorder();
var environment = ConfigLoadRequest.ProcessEnvironment();
ObsTelemetryOptions telemetry;
using (startup.Measure(SpanNames.StartupConfigLoad))
{
    // OTEL_* (and an optional config/tracing.yaml next to the app) configure tracing, as for the CLI.
    var loaded = ObsConfigurationLoader.Load(new ConfigLoadRequest { Environment = environment });
    if (!loaded.IsValid)
    {
        throw new InvalidOperationException("Invalid Obs configuration: " + string.Join("; ", loaded.Errors));
    }

    telemetry = loaded.Options;
}

var builder = FunctionsApplication.CreateBuilder(args);
using (startup.Measure(SpanNames.StartupDependenciesLoad))
{
    builder.ConfigureFunctionsWebApplication();
    // Functions' defaults first: Obs's resource (service.name …) is configured after it, so it wins.
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithTracing(tracing => tracing.AddSource(DurableTracing.SourceName));
    builder.Services.AddObsTelemetry(telemetry, environment);
    builder.Services.AddObsFunctions(telemetry, environment, startup);
}

IHost host;
using (startup.Measure(SpanNames.StartupResourcesInitialize))
{
    host = builder.Build();
}

await host.RunAsync().ConfigureAwait(false);
